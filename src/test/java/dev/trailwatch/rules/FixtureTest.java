package dev.trailwatch.rules;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture in the folders below gives exactly the findings its markers name: rule, line,
 * column and message. A finding without a marker fails the test. testdata/strict is scanned as
 * with --strict.
 */
class FixtureTest {
    private static final List<Path> FIXTURE_DIRS = List.of(Paths.get("testdata/cloudformation"),
            Paths.get("testdata/mixed"), Paths.get("testdata/terraform"), Paths.get("testdata/rules"),
            Paths.get("testdata/suppress"), Paths.get("testdata/strict"),
            Paths.get("testdata/peer-suppressions"));
    /** Fixtures here are scanned as with --strict: their TW000 notes are expected too. */
    private static final Path STRICT_DIR = Paths.get("testdata/strict");

    @TestFactory
    Stream<DynamicTest> eachFixtureGivesExactlyItsMarkedFindings() throws IOException {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 10, "fixtures found: " + fixtures);
        return fixtures.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            assertEquals(sorted(ExpectedFindings.of(path)), sorted(actual(path)), path.toString());
        }));
    }

    /** In position order: "line:column RULE message". */
    private static List<String> sorted(List<String> findings) {
        return findings.stream().sorted(java.util.Comparator
                .comparingInt((String f) -> Integer.parseInt(f.substring(0, f.indexOf(':'))))
                .thenComparingInt(f -> Integer.parseInt(f.substring(f.indexOf(':') + 1, f.indexOf(' '))))
                .thenComparing(f -> f)).toList();
    }

    private static List<String> actual(Path fixture) {
        DisplayPaths paths = new DisplayPaths(Paths.get(""));
        FileCollector collector = new FileCollector(paths, List.of());
        FileCollector.Collected collected = collector.collect(List.of(fixture.toString()));
        // As the command line runs by default: TW000 only with --strict.
        boolean strict = fixture.startsWith(STRICT_DIR);
        List<Rule> rules = Rules.all().stream()
                .filter(r -> strict || !r.metadata().id().equals(Rules.STRICT_ONLY)).toList();
        ScanResult result = new Scanner(new ScanSettings(new RuleRunner(rules, java.time.LocalDate.now()),
                FindingPolicy.none(paths), ParameterValues.none(), VariableInputs.none(paths), paths,
                Scanner.DEFAULT_MAX_FILE_SIZE, 1, crash -> { }))
                .scan(collected.files(), collected.errors());
        // A fixture that stopped parsing would pass with no findings: it must load, unless it says
        // (an "expect-error" comment) that an input error is what it shows.
        String shown = fixture.toString().replace('\\', '/');
        List<String> errors = result.errors().stream().filter(e -> e.file().equals(shown))
                .map(e -> e.file() + ":" + (e.position() == null ? "" : e.position().line() + ": ") + e.message()).toList();
        try {
            if (!errors.isEmpty() && !Files.readString(fixture).contains("expect-error")) {
                throw new AssertionError("the fixture does not load: " + errors);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // A Terraform file is evaluated with its whole folder, whose other files report their own findings.
        return result.reported().stream()
                .filter(f -> f.location().file().equals(fixture.toString().replace('\\', '/')))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message())
                .toList();
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
