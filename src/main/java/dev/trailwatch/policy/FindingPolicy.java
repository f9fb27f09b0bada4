package dev.trailwatch.policy;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Severity;
import dev.trailwatch.rules.SuppressionRule;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the project decided about findings, applied after the rules: fingerprints, severities set
 * in .trailwatch.yml, suppressions kept there, and the baseline. TW100 reports the project file's
 * suppressions that do not hold.
 */
public final class FindingPolicy {
    private final DisplayPaths paths;
    private final Fingerprints fingerprints;
    /** Whether a report shows fingerprints; a baseline needs them too. */
    private final boolean fingerprintsShown;
    private final Map<String, String> severities;
    private final List<Suppression> suppressions;
    private final Set<String> baseline;
    /** Where the project file is: its suppressions' file globs are relative to it. */
    private final Path configFolder;
    /** Suppressions' file globs, compiled once (they were checked when the project file was read). */
    private final Map<String, Glob> globs = new ConcurrentHashMap<>();

    public FindingPolicy(DisplayPaths paths, Fingerprints fingerprints, boolean fingerprintsShown,
            Map<String, String> severities, List<Suppression> suppressions, Set<String> baseline, Path configFolder) {
        this.paths = paths;
        this.fingerprintsShown = fingerprintsShown;
        this.configFolder = configFolder == null ? paths.workingDirectory() : configFolder.toAbsolutePath().normalize();
        this.fingerprints = fingerprints;
        this.severities = severities;
        this.suppressions = suppressions;
        this.baseline = baseline;
    }

    public static FindingPolicy none(DisplayPaths paths) {
        return new FindingPolicy(paths, new Fingerprints(paths.workingDirectory()), true, Map.of(), List.of(),
                Set.of(), null);
    }

    public Finding apply(Finding finding, SuppressionRule checker) {
        Finding f = finding;
        if (fingerprintsShown || !baseline.isEmpty()) {
            Path file = paths.workingDirectory().resolve(finding.location().file());
            f = f.withFingerprint(fingerprints.of(finding.ruleId(), file, finding.resource().address(),
                    finding.aspect()));
        }
        String severity = severities.get(f.ruleId());
        if (severity != null && !severity.equals("off")) {
            f = f.withSeverity(Severity.parse(severity));
        }
        if (f.isSuppressed()) {
            return f;
        }
        for (Suppression s : suppressions) {
            if (s.ruleIds().contains(f.ruleId()) && covers(s, f) && checker.problem(s) == null) {
                return f.withSuppression(new Finding.Suppressed(s.kind(), s.reason(), s.expires(), s.location()));
            }
        }
        if (!baseline.isEmpty() && baseline.contains(f.fingerprint())) {
            return f.withSuppression(new Finding.Suppressed(Suppression.Kind.BASELINE, "in the baseline", null));
        }
        return f;
    }

    /** TW100 findings for the project file's suppressions that do not hold. */
    public List<Finding> invalidSuppressions(SuppressionRule checker) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : suppressions) {
            String problem = checker.problem(s);
            if (problem != null) {
                out.add(checker.finding(s, problem));
            }
        }
        return out;
    }

    private boolean covers(Suppression s, Finding f) {
        // A resource named without a count or for_each key covers all its instances.
        if (s.resource() != null && !s.resource().equals(f.resource().address())
                && !s.resource().equals(ResourceModel.withoutIndex(f.resource().address()))
                && !s.resource().equals(f.resource().name())) {
            return false;
        }
        if (s.fileGlob() == null) {
            return true;
        }
        Glob glob = globs.computeIfAbsent(s.fileGlob(), FindingPolicy::compile);
        Path file = paths.workingDirectory().resolve(f.location().file()).normalize();
        Path relative = file.startsWith(configFolder) ? configFolder.relativize(file) : file;
        return glob != null && glob.matches(relative) || relative.toString().replace('\\', '/').toLowerCase(Locale.ROOT)
                .equals(s.fileGlob().toLowerCase(Locale.ROOT));
    }

    private static Glob compile(String glob) {
        try {
            return Glob.compile(glob);
        } catch (Glob.InvalidGlobException e) {
            return null; // never matches
        }
    }
}
