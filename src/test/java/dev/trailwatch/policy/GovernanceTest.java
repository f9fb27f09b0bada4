package dev.trailwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions a security team can govern: where they may be written, and which rules they may silence. */
class GovernanceTest {
    private static final String TEMPLATE = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
            + "  # trailwatch:ignore TW001 archive account\n"
            + "  Commented:\n    Type: AWS::CloudTrail::Trail\n    Properties: {S3BucketName: logs, IsLogging: true}\n"
            + "  WithMetadata:\n    Type: AWS::CloudTrail::Trail\n"
            + "    Metadata: {trailwatch: {ignore: [{id: TW001, reason: sandbox}]}}\n"
            + "    Properties: {S3BucketName: logs, IsLogging: true}\n";

    @TempDir
    Path repo;
    private Path template;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        template = repo.resolve("trail.yaml");
        Files.writeString(template, TEMPLATE, StandardCharsets.UTF_8);
    }

    private List<String> scan(String config, String... options) throws IOException {
        Path file = repo.resolve(".trailwatch.yml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of("scan", "-q", "--config", file.toString()));
        args.addAll(List.of(options));
        args.add(template.toString());
        return Cli.run(args.toArray(new String[0])).outLines().stream().filter(l -> l.contains("trail.yaml:"))
                .map(l -> l.substring(l.indexOf("trail.yaml:"))).toList();
    }

    @Test
    void byDefaultCommentsAndMetadataHold() throws IOException {
        assertEquals(List.of(), scan("fail-on: error\n"));
    }

    @Test
    void withInlineSuppressionsOffEachIsReportedAndNoneHolds() throws IOException {
        List<String> expected = List.of(
                "trail.yaml:3:3: warning TW100 the suppression of Commented does not apply: it is in the code, and this"
                        + " project allows suppressions only in its project file (inline-suppressions: false)",
                "trail.yaml:4:3: error TW001 Commented is not integrated with CloudWatch Logs:"
                        + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set",
                "trail.yaml:7:3: error TW001 WithMetadata is not integrated with CloudWatch Logs:"
                        + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set",
                "trail.yaml:9:38: warning TW100 the suppression of WithMetadata does not apply: it is in the code, and"
                        + " this project allows suppressions only in its project file (inline-suppressions: false)");
        assertEquals(expected, scan("inline-suppressions: false\n").stream().sorted().toList());
        assertEquals(expected, scan("fail-on: error\n", "--no-inline-suppressions").stream().sorted().toList());
    }

    @Test
    void aRuleThatIsNotIgnorableIsReportedWhereverItIsSuppressed() throws IOException {
        List<String> lines = scan("rules:\n  TW001: {severity: error, ignorable: false}\nsuppressions:\n"
                + "  - {id: TW001, resource: Commented, reason: accepted}\n");
        assertEquals(List.of(
                "trail.yaml:3:3: warning TW100 the suppression of Commented does not apply: it suppresses TW001, which"
                        + " this project does not allow to be suppressed (ignorable: false)",
                "trail.yaml:4:3: error TW001 Commented is not integrated with CloudWatch Logs:"
                        + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set",
                "trail.yaml:7:3: error TW001 WithMetadata is not integrated with CloudWatch Logs:"
                        + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set",
                "trail.yaml:9:38: warning TW100 the suppression of WithMetadata does not apply: it suppresses TW001,"
                        + " which this project does not allow to be suppressed (ignorable: false)"),
                lines.stream().sorted().toList());
        Cli.Run run = Cli.run("scan", "-q", "--config", repo.resolve(".trailwatch.yml").toString(), template.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        // The project file's own entry is reported at the entry.
        assertEquals(1, run.outLines().stream().filter(l -> l.contains(".trailwatch.yml:4:5: warning TW100")).count(),
                run.out());
    }

    @Test
    void aCommentOnAModuleBlockCoversTheFindingsInsideThatCallOnly() {
        Cli.Run run = Cli.run("scan", "-q", "-f", "json", "testdata/terraform/module-suppression");
        String out = run.out();
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(true, out.contains("\"address\" : \"module.sandbox.aws_cloudtrail.this\"") && out.contains(
                "\"kind\" : \"inline\",\n      \"reason\" : \"the sandbox trail is replaced by the organization trail in Q3\""),
                out);
        assertEquals(List.of("testdata/terraform/module-suppression/trail/main.tf:2:1: error TW001"
                + " module.production.aws_cloudtrail.this is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set"),
                Cli.run("scan", "-q", "testdata/terraform/module-suppression").outLines());
    }

    @Test
    void listSuppressionsShowsEachOneInForceWhereItIsWritten() {
        List<String> lines = Cli.run("scan", "-q", "--list-suppressions", "testdata/suppress/inline.yaml").outLines()
                .stream().filter(l -> l.contains(": suppression ")).toList();
        assertEquals(List.of(
                "testdata/suppress/inline.yaml:4:3: suppression inline TW001 on ArchiveTrail: this trail only archives"
                        + " to S3; CloudWatch delivery is org-wide (expires 2099-12-31); 1 finding",
                "testdata/suppress/inline.yaml:24:3: suppression inline TW001 on SeveralRulesTrail: several rules,"
                        + " spaces after the commas; 1 finding",
                "testdata/suppress/inline.yaml:33:7: suppression inline TW001 on LastLineTrail: indented under"
                        + " LastLineTrail, so it is LastLineTrail's, not NextTrail's; 1 finding"), lines);
        assertEquals(List.of(), Cli.run("scan", "-q", "testdata/suppress/inline.yaml").outLines().stream()
                .filter(l -> l.contains(": suppression ")).toList(), "only when asked for");
    }
}
