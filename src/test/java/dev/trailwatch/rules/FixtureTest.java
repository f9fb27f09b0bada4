package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.scan.ScanSettings;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.terraform.VariableInputs;
import dev.trailwatch.testing.ExpectedFindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture in the folders below gives exactly the findings its markers name (rule, whole
 * range, message) and exactly the input errors they name (file, line, column, message); see
 * {@link ExpectedFindings} for the markers. A finding or an error without a marker fails the test,
 * so a fixture that stops parsing cannot pass. testdata/strict is scanned as with --strict.
 */
class FixtureTest {
    private static final List<Path> FIXTURE_DIRS = List.of(Paths.get("testdata/cloudformation"),
            Paths.get("testdata/mixed"), Paths.get("testdata/terraform"), Paths.get("testdata/rules"),
            Paths.get("testdata/suppress"), Paths.get("testdata/strict"),
            Paths.get("testdata/peer-suppressions"));
    /** Fixtures here are scanned as with --strict: their TW000 notes are expected too. */
    private static final Path STRICT_DIR = Paths.get("testdata/strict");

    @TestFactory
    Stream<DynamicTest> eachFixtureGivesExactlyItsMarkedFindingsAndErrors() throws IOException {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 10, "fixtures found: " + fixtures);
        return fixtures.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            ExpectedFindings.Expected expected = ExpectedFindings.expected(path);
            ScanResult result = scan(path);
            assertAll(() -> assertEquals(sorted(expected.findings()), sorted(findings(path, result)), "findings"),
                    () -> assertEquals(expected.errors().stream().sorted().toList(), errors(result), "input errors"));
        }));
    }

    /** In position order: "line:column-endLine:endColumn RULE message". */
    private static List<String> sorted(List<String> findings) {
        return findings.stream().sorted(Comparator
                .comparingInt((String f) -> Integer.parseInt(f.substring(0, f.indexOf(':'))))
                .thenComparingInt(f -> Integer.parseInt(f.substring(f.indexOf(':') + 1, f.indexOf('-'))))
                .thenComparing(f -> f)).toList();
    }

    private static ScanResult scan(Path fixture) {
        DisplayPaths paths = new DisplayPaths(Paths.get(""));
        FileCollector collector = new FileCollector(paths, List.of());
        FileCollector.Collected collected = collector.collect(List.of(fixture.toString()));
        // As the command line runs by default: TW000 only with --strict.
        boolean strict = fixture.startsWith(STRICT_DIR);
        List<Rule> rules = Rules.all().stream()
                .filter(r -> strict || !r.metadata().onlyWhenStrict()).toList();
        return new Scanner(new ScanSettings(new RuleRunner(rules, java.time.LocalDate.now()),
                FindingPolicy.none(paths), ParameterValues.none(), VariableInputs.none(paths), paths,
                Scanner.DEFAULT_MAX_FILE_SIZE, 1, crash -> { }))
                .scan(collected.files(), collected.errors());
    }

    /** The fixture's own findings: a Terraform file is evaluated with its whole folder, whose other files report theirs. */
    private static List<String> findings(Path fixture, ScanResult result) {
        String shown = fixture.toString().replace('\\', '/');
        return result.reported().stream()
                .filter(f -> f.location().file().equals(shown))
                .map(f -> f.location().range().start() + "-" + f.location().range().end() + " " + f.ruleId() + " "
                        + f.message())
                .toList();
    }

    /** Every input error of the scan, whichever file it is in: a module the fixture calls must load too. */
    private static List<String> errors(ScanResult result) {
        return result.errors().stream()
                .map(e -> e.file() + (e.position() == null ? "" : ":" + e.position()) + " " + e.message())
                .sorted().toList();
    }

    static List<Path> fixtures() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path dir : FIXTURE_DIRS) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().endsWith(".expected") && !p.toString().endsWith(".md"))
                        .filter(p -> !p.toString().contains("/.terraform/"))
                        .forEach(all::add);
            }
        }
        all.sort(null);
        return all;
    }
}
