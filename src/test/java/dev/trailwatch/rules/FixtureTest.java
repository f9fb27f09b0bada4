package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.Scanner;
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
 * Every template in testdata/cloudformation and testdata/mixed gives exactly the findings its
 * markers name: rule, line, column and message. A finding without a marker fails the test.
 */
class FixtureTest {
    private static final List<Path> FIXTURE_DIRS = List.of(Paths.get("testdata/cloudformation"),
            Paths.get("testdata/mixed"));

    @TestFactory
    Stream<DynamicTest> eachFixtureGivesExactlyItsMarkedFindings() throws IOException {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 10, "fixtures found: " + fixtures);
        return fixtures.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            List<String> expected = ExpectedFindings.of(path);
            assertEquals(expected, actual(path), path.toString());
        }));
    }

    private static List<String> actual(Path fixture) {
        FileCollector collector = new FileCollector(Paths.get(""), List.of());
        FileCollector.Collected collected = collector.collect(List.of(fixture.toString()));
        ScanResult result = new Scanner(Rules.all(), ParameterValues.none(), Scanner.DEFAULT_MAX_FILE_SIZE, 1)
                .scan(collected.files(), collected.errors());
        return result.findings().stream()
                .map(f -> {
                    assertEquals(fixture.toString().replace('\\', '/'), f.location().file());
                    return f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message();
                })
                .toList();
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> cfn = Files.walk(FIXTURE_DIRS.get(0)); Stream<Path> mixed = Files.walk(FIXTURE_DIRS.get(1))) {
            return Stream.concat(cfn, mixed)
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".expected") && !p.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }
}
