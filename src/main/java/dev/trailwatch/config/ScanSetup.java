package dev.trailwatch.config;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.policy.Fingerprints;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleRunner;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.rules.SuppressionSettings;
import dev.trailwatch.scan.ScanSettings;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.terraform.VariableInputs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How a project file and the caller's own choices become a scan's settings, the same for the
 * command line and the language server.
 */
public final class ScanSetup {
    private ScanSetup() {}

    /**
     * The rules to run: every rule, less those only --strict runs when it is off, those the
     * project file turns off (unless named in {@code only}), and those outside {@code only} or in
     * {@code skip} (rule ids, any case; checked by the caller).
     */
    public static List<Rule> rules(ProjectConfig config, boolean strict, List<String> only, List<String> skip) {
        List<Rule> selected = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            String id = rule.metadata().id();
            if (rule.metadata().onlyWhenStrict() && !strict || "off".equals(config.ruleSettings().get(id))
                    && only.stream().noneMatch(id::equalsIgnoreCase)) {
                continue;
            }
            boolean wanted = only.isEmpty() || only.stream().anyMatch(id::equalsIgnoreCase);
            if (wanted && skip.stream().noneMatch(id::equalsIgnoreCase)) {
                selected.add(rule);
            }
        }
        return selected;
    }

    /**
     * Which suppressions hold: inline ones unless the caller or the project turns them off,
     * other linters' skips when either opts in, and rules the project makes not ignorable.
     */
    public static SuppressionSettings suppressions(ProjectConfig config, boolean noInline, boolean peers) {
        return new SuppressionSettings(!noInline && config.inlineSuppressions(), peers || config.peerSuppressions(),
                config.notIgnorable());
    }

    /**
     * A scan's settings. {@code fingerprintBase}: the folder fingerprints' paths are relative to
     * (the baseline's, when there is one); {@code baseline}: the fingerprints it holds;
     * {@code fingerprintsShown}: a report or a baseline written shows them (else only a baseline
     * read needs them, and they are not computed).
     */
    public static ScanSettings settings(ProjectConfig config, List<Rule> rules, SuppressionSettings suppressions,
            Set<String> baseline, Path fingerprintBase, boolean fingerprintsShown, ParameterValues parameters,
            VariableInputs variables, DisplayPaths paths, long maxFileSize, int jobs,
            Consumer<Throwable> internalErrors) {
        Path configFolder = config.file() == null ? null : config.file().toAbsolutePath().getParent();
        FindingPolicy policy = new FindingPolicy(paths, new Fingerprints(fingerprintBase), fingerprintsShown,
                config.ruleSettings(), config.suppressions(), baseline, configFolder);
        return new ScanSettings(new RuleRunner(rules, LocalDate::now, suppressions), policy, parameters, variables,
                paths, maxFileSize, jobs, internalErrors);
    }
}
