package dev.trailwatch.suppress;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Severity;
import dev.trailwatch.rules.SuppressionRule;
import dev.trailwatch.source.DisplayPaths;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the project decided about findings, applied after the rules: fingerprints, severities set
 * in .trailwatch.yml, suppressions kept there, and the baseline. TW100 reports the project file's
 * suppressions that do not hold.
 */
public final class FindingPolicy {
    private final DisplayPaths paths;
    private final Fingerprints fingerprints;
    private final Map<String, String> severities;
    private final List<Suppression> suppressions;
    private final Set<String> baseline;
    /** Where the project file is: its suppressions' file globs are relative to it. */
    private final Path configFolder;

    public FindingPolicy(DisplayPaths paths, Fingerprints fingerprints, Map<String, String> severities,
            List<Suppression> suppressions, Set<String> baseline, Path configFolder) {
        this.paths = paths;
        this.configFolder = configFolder == null ? paths.workingDirectory() : configFolder.toAbsolutePath().normalize();
        this.fingerprints = fingerprints;
        this.severities = severities;
        this.suppressions = suppressions;
        this.baseline = baseline;
    }

    public static FindingPolicy none(DisplayPaths paths) {
        return new FindingPolicy(paths, new Fingerprints(paths.workingDirectory()), Map.of(), List.of(), Set.of(),
                null);
    }

    public Finding apply(Finding finding, SuppressionRule checker) {
        Path file = paths.workingDirectory().resolve(finding.location().file());
        Finding f = finding.withFingerprint(fingerprints.of(finding.ruleId(), file, finding.resource().address(),
                finding.aspect()));
        String severity = severities.get(f.ruleId());
        if (severity != null && !severity.equals("off")) {
            f = f.withSeverity(Severity.parse(severity));
        }
        if (f.isSuppressed()) {
            return f;
        }
        for (Suppression s : suppressions) {
            if (s.ruleIds().contains(f.ruleId()) && covers(s, f) && checker.problem(s) == null) {
                return f.withSuppression(new Finding.Suppressed(s.kind().label(), s.reason(), s.expires(), s.location()));
            }
        }
        if (baseline.contains(f.fingerprint())) {
            return f.withSuppression(new Finding.Suppressed(Suppression.Kind.BASELINE.label(), "in the baseline", null));
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
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + s.fileGlob());
        Path file = paths.workingDirectory().resolve(f.location().file()).normalize();
        Path relative = file.startsWith(configFolder) ? configFolder.relativize(file) : file;
        return matcher.matches(relative) || relative.toString().replace('\\', '/').toLowerCase(Locale.ROOT)
                .equals(s.fileGlob().toLowerCase(Locale.ROOT));
    }
}
