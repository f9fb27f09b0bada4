package dev.trailwatch.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --fix} on each file of testdata/fix that has a golden twin ({@code X.fixed.yaml}, {@code main.tf.fixed}): the file becomes
 * exactly the twin's bytes (comments, order, quoting, indentation, line endings and final newline
 * kept), what is left fails nothing, a second --fix changes nothing, and --dry-run prints the same
 * change as a diff without writing.
 */
class FixGoldenTest {
    private static final Path FIXTURES = Paths.get("testdata/fix");
    private static final java.util.regex.Pattern GOLDEN = java.util.regex.Pattern.compile(".*\\.fixed(\\.(yaml|json))?");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> eachFixtureBecomesItsGoldenFile() throws IOException {
        List<Path> goldens;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            goldens = files.filter(p -> GOLDEN.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        assertFalse(goldens.isEmpty());
        return goldens.stream().map(golden -> DynamicTest.dynamicTest(FIXTURES.relativize(golden).toString(),
                () -> fixesToGolden(golden)));
    }

    private void fixesToGolden(Path golden) throws IOException {
        // main.tf.fixed (not .tf: it would join the module) or X.fixed.yaml (read as a template too).
        String name = golden.getFileName().toString().replace(".fixed", "");
        Path original = golden.resolveSibling(name);
        Path folder = Files.createTempDirectory(temp, "fix");
        Path copy = copyWithSiblings(original, folder);
        byte[] before = Files.readAllBytes(copy);

        Cli.Run dryRun = Cli.run("scan", "--fix", "--dry-run", copy.toString());
        assertArrayEquals(before, Files.readAllBytes(copy), "--dry-run changed " + copy);
        assertEquals(ExitCodes.FINDINGS, dryRun.exitCode(), dryRun.err());
        List<String> goldenLines = UnifiedDiff.lines(Files.readString(golden, StandardCharsets.UTF_8)).stream()
                .map(FixGoldenTest::withoutEnding).toList();
        List<String> originalLines = UnifiedDiff.lines(new String(before, StandardCharsets.UTF_8)).stream()
                .map(FixGoldenTest::withoutEnding).toList();
        assertTrue(dryRun.out().startsWith("--- a/"), dryRun.out());
        for (String line : dryRun.out().split("\n")) {
            if (line.startsWith("+") && !line.startsWith("+++")) {
                assertTrue(goldenLines.contains(withoutEnding(line.substring(1))), "not in the golden file: " + line);
            } else if (line.startsWith("-") && !line.startsWith("---")) {
                assertTrue(originalLines.contains(withoutEnding(line.substring(1))), "not in the original: " + line);
            }
        }

        Cli.Run fix = Cli.run("scan", "--fix", copy.toString());
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), Files.readString(copy, StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(copy));
        assertEquals(ExitCodes.CLEAN, fix.exitCode(), fix.out() + fix.err());
        assertTrue(fix.err().contains("trailwatch: fixed " + copy), fix.err());
        assertFalse(fix.out().contains(" error "), fix.out());

        Cli.Run again = Cli.run("scan", "--fix", copy.toString());
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(copy), "a second --fix changed the file");
        assertFalse(again.err().contains("fixed"), again.err());
        assertEquals(ExitCodes.CLEAN, again.exitCode());
        try (Stream<Path> left = Files.list(copy.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".trailwatch-fix")).toList());
        }
    }

    @Test
    void aFixThatWouldLeaveTheFindingIsRefusedAndTheFileUntouched() throws IOException {
        Path copy = Files.copy(FIXTURES.resolve("refuse/conditional-role.yaml"), temp.resolve("conditional-role.yaml"));
        Cli.Run run = fixLeavesUntouched(copy, ExitCodes.FINDINGS);
        assertEquals(List.of(copy + ":10:3: error TW001 Trail is not integrated with CloudWatch Logs:"
                + " CloudWatchLogsLogGroupArn is not set; CloudWatchLogsRoleArn is not set when condition HasRole is false"),
                run.outLines());
        assertTrue(run.err().contains("trailwatch: not fixed " + copy + " (left unchanged): the fixed file would still"
                + " have TW001 on Trail: Trail is not integrated with CloudWatch Logs: CloudWatchLogsRoleArn is not set"
                + " when condition HasRole is false\n"), run.err());
    }

    @Test
    void aTrailWhoseFixWouldNotHoldDoesNotStopTheOthersInItsFile() throws IOException {
        Path copy = temp.resolve("two-trails.yaml");
        String refused = Files.readString(FIXTURES.resolve("refuse/conditional-role.yaml"));
        Files.writeString(copy, refused + """
                  Plain:
                    Type: AWS::CloudTrail::Trail
                    Properties:
                      S3BucketName: audit-logs
                      IsLogging: true
                """);
        Cli.Run run = Cli.run("scan", "--fix", copy.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of(copy + ":10:3: error TW001 Trail is not integrated with CloudWatch Logs:"
                + " CloudWatchLogsLogGroupArn is not set; CloudWatchLogsRoleArn is not set when condition HasRole is false"),
                run.outLines().stream().filter(l -> l.contains(" error ")).toList());
        assertTrue(run.err().contains("trailwatch: fixed " + copy + ": TW001 Plain: set CloudWatchLogsLogGroupArn and"
                + " CloudWatchLogsRoleArn (new PlainLogGroup, PlainCloudWatchLogsRole)\n"), run.err());
        assertTrue(run.err().contains("trailwatch: not fixed " + copy + ":10:3: TW001 Trail: the fixed file would still"
                + " have TW001 on Trail"), run.err());
        String fixed = Files.readString(copy);
        assertTrue(fixed.startsWith(refused), "the refused trail's lines stay as they were");
        assertTrue(fixed.contains("      CloudWatchLogsRoleArn: !If [HasRole, !Ref RoleArn, !Ref AWS::NoValue]\n"),
                fixed);
    }

    @Test
    void aParameterThatIsEmptyIsNamedNotChanged() throws IOException {
        Path copy = temp.resolve("parameter.yaml");
        Files.writeString(copy, """
                Parameters:
                  RoleArn:
                    Type: String
                    Default: ""
                Resources:
                  Trail:
                    Type: AWS::CloudTrail::Trail
                    Properties:
                      S3BucketName: logs
                      IsLogging: true
                      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:audit:*
                      CloudWatchLogsRoleArn: !Ref RoleArn
                """);
        Cli.Run run = fixLeavesUntouched(copy, ExitCodes.FINDINGS);
        assertTrue(run.err().contains("trailwatch: not fixed " + copy + ":12:7: TW001 Trail: CloudWatchLogsRoleArn is"
                + " set from parameter RoleArn, which is empty here: give the parameter a value (Default or --parameter)"
                + " rather than changing the template\n"), run.err());
    }

    @Test
    void suppressedFindingsAreNotFixed() throws IOException {
        Path copy = temp.resolve("suppressed.yaml");
        Files.writeString(copy, """
                Resources:
                  # trailwatch:ignore TW001 delivered by the organization's trail
                  Trail:
                    Type: AWS::CloudTrail::Trail
                    Properties:
                      S3BucketName: logs
                      IsLogging: true
                """);
        Cli.Run run = fixLeavesUntouched(copy, ExitCodes.CLEAN);
        assertFalse(run.err().contains("fixed"), run.err());
    }

    /** Runs --fix on a file that must stay as it is, and checks the exit code. */
    private static Cli.Run fixLeavesUntouched(Path file, int exitCode) throws IOException {
        byte[] before = Files.readAllBytes(file);
        Cli.Run run = Cli.run("scan", "--fix", file.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(exitCode, run.exitCode(), run.err());
        return run;
    }

    private static String withoutEnding(String line) {
        return line.replaceAll("\r?\n$", "").replaceAll("\r$", "");
    }

    /** The file, and for Terraform the other .tf files of its folder (one module), copied into {@code folder}. */
    private static Path copyWithSiblings(Path original, Path folder) throws IOException {
        if (original.toString().endsWith(".tf")) {
            try (Stream<Path> siblings = Files.list(original.getParent())) {
                for (Path sibling : siblings.filter(p -> p.toString().endsWith(".tf")).toList()) {
                    Files.copy(sibling, folder.resolve(sibling.getFileName()));
                }
            }
            return folder.resolve(original.getFileName());
        }
        return Files.copy(original, folder.resolve(original.getFileName()));
    }
}
