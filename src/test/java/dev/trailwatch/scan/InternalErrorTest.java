package dev.trailwatch.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.RuleRunner;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.rules.Severity;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.terraform.VariableInputs;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A defect of ours while checking one file is an internal error of that file, said as such and
 * handed to the caller (the command line prints its stack trace with --debug), and the other
 * files' findings are still reported.
 */
class InternalErrorTest {
    private static final String BROKEN_FILE = "testdata/cloudformation/integrated.yaml";
    private static final String OTHER_FILE = "testdata/cloudformation/missing-integration.yaml";

    @Test
    void aDefectInOneFileIsAnInternalErrorAndTheOthersAreStillChecked() {
        DisplayPaths paths = new DisplayPaths(Paths.get(""));
        List<Rule> rules = new ArrayList<>(Rules.all().stream()
                .filter(r -> !r.metadata().onlyWhenStrict()).toList());
        rules.add(new FailsOnOneFile());
        List<Throwable> crashes = new ArrayList<>();
        Scanner scanner = new Scanner(new ScanSettings(new RuleRunner(rules, LocalDate.now()),
                FindingPolicy.none(paths), ParameterValues.none(), VariableInputs.none(paths), paths,
                Scanner.DEFAULT_MAX_FILE_SIZE, 2, crashes::add));
        FileCollector.Collected collected = new FileCollector(paths, List.of()).collect(List.of(BROKEN_FILE, OTHER_FILE));

        ScanResult result = scanner.scan(collected.files(), collected.errors());

        assertEquals(1, result.errors().size(), result.errors().toString());
        assertEquals(BROKEN_FILE, result.errors().get(0).file());
        assertEquals("internal error: java.lang.NullPointerException: a defect (a defect of trailwatch; run with"
                + " --debug for the stack trace)", result.errors().get(0).message());
        assertEquals(1, crashes.size());
        assertEquals(List.of("TW001 " + OTHER_FILE), result.findings().stream()
                .map(f -> f.ruleId() + " " + f.location().file()).distinct().toList());
    }

    /** Stands for a rule with a bug that shows on one file only. */
    private static final class FailsOnOneFile extends Rule {
        private static final RuleMetadata METADATA = RuleMetadata.rule("TW999", "FailsOnOneFile", Severity.ERROR)
                .summary("Fails on one file")
                .helpUri("https://example.invalid/")
                .securitySeverity("0.0").build();

        FailsOnOneFile() {
            super(METADATA);
        }

        @Override
        public void check(ResourceModel model, Consumer<Finding> report) {
            if (model.resources().stream().anyMatch(r -> r.declaration().file().equals(BROKEN_FILE))) {
                throw new NullPointerException("a defect");
            }
        }
    }
}
