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
 * change as a diff without writing. A Terraform fixture is its folder under testdata/fix/terraform
 * (with the modules it calls, in a git work tree), and its other files stay as they were.
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
        assertOthersUnchanged(original, folder);
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(copy));
        assertEquals(ExitCodes.CLEAN, fix.exitCode(), fix.out() + fix.err());
        assertTrue(fix.err().contains("trailwatch: fixed " + copy), fix.err());
        assertFalse(fix.out().contains(" error "), fix.out());

        Cli.Run again = Cli.run("scan", "--fix", copy.toString());
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(copy), "a second --fix changed the file");
        assertFalse(again.err().contains("fixed"), again.err());
        assertEquals(ExitCodes.CLEAN, again.exitCode());
        assertOthersUnchanged(original, folder);
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
    void eachRefusedTrailGivesItsOwnReason() throws IOException {
        // Two trails whose fixes both fail the check: each is refused for its own leftover finding,
        // not for the last one found (the bug: both were "would still have TW001 on Second").
        Path copy = temp.resolve("two-refused.yaml");
        String refused = Files.readString(FIXTURES.resolve("refuse/conditional-role.yaml"));
        Files.writeString(copy, refused + """
                  Second:
                    Type: AWS::CloudTrail::Trail
                    Properties:
                      S3BucketName: audit-logs
                      IsLogging: true
                      CloudWatchLogsRoleArn: !If [HasRole, !Ref RoleArn, !Ref AWS::NoValue]
                """);
        Cli.Run run = fixLeavesUntouched(copy, ExitCodes.FINDINGS);
        assertTrue(run.err().contains("trailwatch: not fixed " + copy + ":10:3: TW001 Trail: the fixed file would still"
                + " have TW001 on Trail: "), run.err());
        assertTrue(run.err().contains("trailwatch: not fixed " + copy + ":16:3: TW001 Second: the fixed file would still"
                + " have TW001 on Second: "), run.err());
        assertFalse(run.err().contains("(left unchanged)"), run.err());
    }

    @Test
    void aTerraformTrailEmptyOnlyUnderAConditionNamesTheCondition() throws IOException {
        Path copy = temp.resolve("main.tf");
        Files.writeString(copy, """
                variable "deliver" {
                  type    = bool
                  default = false
                }

                resource "aws_cloudtrail" "conditional" {
                  name                       = "audit"
                  cloud_watch_logs_group_arn = var.deliver ? "arn:aws:logs:us-east-1:111122223333:log-group:a:*" : ""
                  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"
                }

                resource "aws_cloudtrail" "per_region" {
                  for_each                   = { eu = "" }
                  name                       = "audit-${each.key}"
                  cloud_watch_logs_group_arn = each.value
                  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"
                }
                """);
        Cli.Run run = fixLeavesUntouched(copy, ExitCodes.FINDINGS);
        assertEquals(List.of(
                "trailwatch: not fixed " + copy + ":8:3: TW001 aws_cloudtrail.conditional: cloud_watch_logs_group_arn is"
                        + " empty (from condition var.deliver, false because of the default of variable deliver): a computed value is not rewritten automatically;"
                        + " set it by hand",
                "trailwatch: not fixed " + copy + ":15:3: TW001 aws_cloudtrail.per_region[\"eu\"]:"
                        + " cloud_watch_logs_group_arn is empty: a computed value is not rewritten automatically; set it"
                        + " by hand"),
                run.err().lines().filter(l -> l.startsWith("trailwatch: not fixed")).toList());
    }

    @Test
    void aModuleCalledFromTwoPlacesIsNotFixedInEither() throws IOException {
        Path trail = Files.createDirectories(temp.resolve("trail"));
        Files.copy(FIXTURES.resolve("terraform/module-argument/trail/main.tf"), trail.resolve("main.tf"));
        Files.createDirectory(temp.resolve(".git"));
        String call = """
                module "audit" {
                  source        = "../trail"
                  log_group_arn = ""
                }
                """;
        Path first = Files.createDirectories(temp.resolve("first")).resolve("main.tf");
        Path second = Files.createDirectories(temp.resolve("second")).resolve("main.tf");
        Files.writeString(first, call);
        Files.writeString(second, call);
        Cli.Run run = Cli.run("scan", "--fix", first.toString(), second.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertEquals(call, Files.readString(first));
        assertEquals(call, Files.readString(second));
        assertTrue(run.err().contains("trailwatch: not fixed " + trail.resolve("main.tf") + ":15:3: TW001"
                + " module.audit.aws_cloudtrail.this: cloud_watch_logs_group_arn is set from var.log_group_arn ("),
                run.err());
        assertFalse(run.err().contains("trailwatch: fixed"), run.err());
    }

    @Test
    void aModuleSourceNoFolderCanHaveDoesNotStopTheSearchForCallers() throws IOException {
        // Found by scripts/fix-check.sh: testdata/bad/module-source-nul.tf crashed the search (exit 2).
        Path fixture = FIXTURES.resolve("terraform/module-argument");
        for (String file : List.of("trail/main.tf", "root/main.tf")) {
            Files.createDirectories(temp.resolve(file).getParent());
            Files.copy(fixture.resolve(file), temp.resolve(file));
        }
        Files.createDirectories(temp.resolve("bad"));
        Files.copy(Paths.get("testdata/bad/module-source-nul.tf"), temp.resolve("bad/main.tf"));
        Files.createDirectory(temp.resolve(".git"));
        Cli.Run run = Cli.run("scan", "--fix", temp.resolve("root").toString());
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.err());
        assertEquals(Files.readString(fixture.resolve("root/main.tf.fixed")), Files.readString(temp.resolve("root/main.tf")));
    }

    @Test
    void aModuleArgumentInAOneLineCallOrAJsonCallerIsExplained() throws IOException {
        Path callers = temp.resolve("callers");
        try (Stream<Path> files = Files.walk(Paths.get("testdata/terraform/callers"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = callers.resolve(Paths.get("testdata/terraform/callers").relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Files.createDirectory(temp.resolve(".git"));
        Path oneLine = callers.resolve("one-line/main.tf");
        Path json = callers.resolve("json-root/main.tf.json");
        byte[] oneLineBefore = Files.readAllBytes(oneLine);
        byte[] jsonBefore = Files.readAllBytes(json);
        Cli.Run run = Cli.run("scan", "--fix", callers.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertArrayEquals(oneLineBefore, Files.readAllBytes(oneLine));
        assertArrayEquals(jsonBefore, Files.readAllBytes(json));
        assertTrue(run.err().contains("trailwatch: not fixed " + callers.resolve("defaults/main.tf") + ":9:3: TW001"
                + " module.defaults.aws_cloudtrail.t: module.defaults (" + oneLine + ") is written on one line: set"
                + " role_arn there by hand\n"), run.err());
        assertTrue(run.err().contains("trailwatch: not fixed " + callers.resolve("lib/main.tf") + ":9:3: TW001"
                + " module.lib.aws_cloudtrail.t: cloud_watch_logs_role_arn is set from var.role_arn (" + json + ":5)"),
                run.err());
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
            Path fixture = fixtureFolder(original);
            for (Path file : fixtureFiles(fixture)) {
                Path copy = folder.resolve(fixture.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
            Files.createDirectory(folder.resolve(".git")); // where the scan and the fix look for a module's callers
            return folder.resolve(fixture.relativize(original).toString());
        }
        return Files.copy(original, folder.resolve(original.getFileName()));
    }

    /** testdata/fix/terraform/NAME of a Terraform fixture's file. */
    private static Path fixtureFolder(Path file) {
        Path terraform = FIXTURES.resolve("terraform");
        return terraform.resolve(terraform.relativize(file).getName(0));
    }

    private static List<Path> fixtureFiles(Path fixture) throws IOException {
        try (Stream<Path> files = Files.walk(fixture)) {
            return files.filter(Files::isRegularFile).filter(p -> !GOLDEN.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        }
    }

    /** The fixture's files other than the one fixed (the module whose trail it fixes, say) are as they were. */
    private static void assertOthersUnchanged(Path original, Path folder) throws IOException {
        if (!original.toString().endsWith(".tf")) {
            return;
        }
        Path fixture = fixtureFolder(original);
        for (Path file : fixtureFiles(fixture)) {
            if (!file.equals(original)) {
                Path copy = folder.resolve(fixture.relativize(file).toString());
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy), copy + " changed");
            }
        }
    }
}
