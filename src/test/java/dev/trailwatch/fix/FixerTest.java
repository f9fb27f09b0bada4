package dev.trailwatch.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.rules.RuleRunner;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.ScanSettings;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.Position;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.terraform.VariableInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and refusing, as the file on disk shows them: atomicity, permissions, a fixed text that would not parse. */
class FixerTest {
    private static final String TEMPLATE = """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: logs
                  IsLogging: true
            """;

    @TempDir
    Path temp;

    private DisplayPaths paths;
    private Scanner scanner;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        paths = new DisplayPaths(Paths.get(""));
        scanner = new Scanner(new ScanSettings(new RuleRunner(Rules.all(), LocalDate.now()), FindingPolicy.none(paths),
                ParameterValues.none(), VariableInputs.none(paths), paths, Scanner.DEFAULT_MAX_FILE_SIZE, 1,
                crash -> { }));
        file = temp.resolve("trail.yaml");
        Files.writeString(file, TEMPLATE);
    }

    private ScanResult scan() {
        return scanner.scan(List.of(new FileCollector.Candidate(file, paths.show(file))), List.of());
    }

    @Test
    void aWriteInterruptedBeforeTheRenameLeavesTheOriginalIntact() throws IOException {
        byte[] before = Files.readAllBytes(file);
        AtomicFile failing = new AtomicFile(() -> {
            throw new UncheckedIOException(new IOException("disk full"));
        });
        Fixer fixer = new Fixer(paths, edited -> scanner.scan(edited, List.of(), List.of()), failing);

        List<Fixer.FileResult> results = fixer.fix(scan(), true);

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, results.size());
        assertEquals("cannot write it: java.io.IOException: disk full", results.get(0).refused());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(file), left.toList(), "the temporary file is removed");
        }
    }

    @Test
    void aFixedFileKeepsItsPermissions() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Fixer fixer = new Fixer(paths, edited -> scanner.scan(edited, List.of(), List.of()));

        List<Fixer.FileResult> results = fixer.fix(scan(), true);

        assertNull(results.get(0).refused());
        assertNotEquals(TEMPLATE, Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFixedTextThatWouldNotParseIsRefused() throws IOException {
        byte[] before = Files.readAllBytes(file);
        String shown = paths.show(file);
        Fixer fixer = new Fixer(paths, edited -> new ScanResult(List.of(),
                List.of(new InputError(shown, new Position(7, 3), "mapping values are not allowed here")), 1, 0, 0, 0,
                List.of()));

        List<Fixer.FileResult> results = fixer.fix(scan(), true);

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals("the fixed file would not parse: " + shown + ":7:3: mapping values are not allowed here",
                results.get(0).refused());
    }

    @Test
    void fixesAreEditsOfTheScannedText() throws Exception {
        FilePlan plan = Fixer.plan("trail.yaml", file, TEMPLATE, scan().reported());
        assertEquals(1, plan.fixes().size());
        Fix fix = plan.fixes().get(0);
        assertEquals("Trail", fix.address());
        assertEquals(List.of("TW001"), fix.ruleIds());
        // The two properties before the first one, and the two resources before the trail.
        assertEquals(new Position(5, 1), fix.edits().get(0).range().start());
        assertEquals("      CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn\n"
                + "      CloudWatchLogsRoleArn: !GetAtt TrailCloudWatchLogsRole.Arn\n", fix.edits().get(0).newText());
        assertEquals(new Position(2, 1), fix.edits().get(1).range().start());
    }
}
