package dev.trailwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints, baselines and the project file, as a user meets them. */
class SuppressionTest {
    private static final String TEMPLATE = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
            + "  Group:\n    Type: AWS::Logs::LogGroup\n"
            + "  AuditTrail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: logs\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    private Path template;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve(".git")); // a git root: fingerprints are relative to it
        template = Files.createDirectories(repo.resolve("infra")).resolve("trail.yaml");
        Files.writeString(template, TEMPLATE, StandardCharsets.UTF_8);
    }

    private List<JsonNode> findings(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "-q", "-f", "json"));
        args.addAll(List.of(extra));
        args.add(template.toString());
        Cli.Run run = Cli.run(args.toArray(new String[0]));
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(run.out()).path("findings").forEach(out::add);
        return out;
    }

    @Test
    void fingerprintsSurviveUnrelatedEditsAndDoNotDependOnTheRunningFolder() throws IOException {
        JsonNode before = findings().get(0);
        Files.writeString(template, "# a comment\n# and another\n" + TEMPLATE, StandardCharsets.UTF_8);
        JsonNode after = findings().get(0);
        assertNotEquals(before.path("line").asInt(), after.path("line").asInt());
        assertEquals(before.path("fingerprint").asText(), after.path("fingerprint").asText());
        // Whatever path form names the file and whatever the fallback folder: the git root decides.
        Fingerprints fromRoot = new Fingerprints(Path.of("/"));
        assertEquals(before.path("fingerprint").asText(),
                fromRoot.of("TW001", repo.resolve("infra/../infra/trail.yaml"), "AuditTrail"));
        assertNotEquals(before.path("fingerprint").asText(), fromRoot.of("TW001", template, "OtherTrail"));
    }

    @Test
    void twoFindingsOfOneRuleOnOneResourceHaveDistinctFingerprints() throws IOException {
        // TW000 on each attribute of one trail: a baseline must be able to accept one and not the other.
        Files.writeString(template, "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Group: {Type: String}\n"
                + "  Role: {Type: String}\nResources:\n  AuditTrail:\n    Type: AWS::CloudTrail::Trail\n"
                + "    Properties:\n      S3BucketName: logs\n      CloudWatchLogsLogGroupArn: !Ref Group\n"
                + "      CloudWatchLogsRoleArn: !Ref Role\n", StandardCharsets.UTF_8);
        List<JsonNode> found = findings("--strict", "--rules", "TW000");
        assertEquals(2, found.size());
        assertEquals("TW000", found.get(0).path("ruleId").asText());
        assertNotEquals(found.get(0).path("fingerprint").asText(), found.get(1).path("fingerprint").asText());
    }

    @Test
    void baselineReportsOnlyNewFindings() throws IOException {
        Path baseline = repo.resolve("baseline.json");
        Cli.Run write = Cli.run("scan", "-q", "--write-baseline", baseline.toString(), template.toString());
        assertEquals(ExitCodes.FINDINGS, write.exitCode());
        Files.writeString(template, "# edited above\n" + TEMPLATE, StandardCharsets.UTF_8);
        Cli.Run known = Cli.run("scan", "-q", "--baseline", baseline.toString(), template.toString());
        assertEquals(ExitCodes.CLEAN, known.exitCode(), known.out());
        assertEquals("", known.out());
        JsonNode suppressed = findings("--baseline", baseline.toString()).get(0).path("suppressed");
        assertEquals("baseline", suppressed.path("kind").asText());
        Files.writeString(template, TEMPLATE + "  NewTrail:\n    Type: AWS::CloudTrail::Trail\n",
                StandardCharsets.UTF_8);
        Cli.Run added = Cli.run("scan", "-q", "--baseline", baseline.toString(), template.toString());
        assertEquals(ExitCodes.FINDINGS, added.exitCode());
        assertEquals(1, added.outLines().size());
        assertTrue(added.out().contains("NewTrail"), added.out());
    }

    @Test
    void projectFileSwitchesRulesSetsSeveritiesAndSuppresses() throws IOException {
        Path config = repo.resolve(".trailwatch.yml");
        Files.writeString(config, "fail-on: warning\nrules:\n  TW004: off\n  TW001: warning\nsuppressions:\n"
                + "  - id: TW001\n    resource: AuditTrail\n    reason: archive only\n    expires: 2099-01-01\n",
                StandardCharsets.UTF_8);
        List<JsonNode> found = findings("--config", config.toString());
        assertEquals(1, found.size());
        assertEquals("warning", found.get(0).path("severity").asText());
        assertEquals("config", found.get(0).path("suppressed").path("kind").asText());
        assertEquals("2099-01-01", found.get(0).path("suppressed").path("expires").asText());

        Files.writeString(config, "rules:\n  TW004: off\nsuppressions:\n  - id: TW001\n    resource: AuditTrail\n"
                + "    reason: archive only\n    expires: 2020-01-01\n", StandardCharsets.UTF_8);
        Cli.Run expired = Cli.run("scan", "-q", "--config", config.toString(), template.toString());
        assertEquals(ExitCodes.FINDINGS, expired.exitCode());
        assertTrue(expired.out().contains("error TW001 AuditTrail is not integrated"), expired.out());
        assertTrue(expired.out().contains(".trailwatch.yml:4:5: warning TW100 the suppression of AuditTrail does not"
                + " apply: it expired on 2020-01-01"), expired.out());
    }

    @Test
    void aProjectSuppressionOfADeclarationCoversEveryInstance() throws IOException {
        Path tf = Files.createDirectories(repo.resolve("regional")).resolve("main.tf");
        Files.writeString(tf, "resource \"aws_cloudtrail\" \"regional\" {\n  count = 2\n  name  = \"r\"\n}\n"
                + "module \"m\" {\n  source = \"./m\"\n  count  = 2\n}\n", StandardCharsets.UTF_8);
        Files.writeString(Files.createDirectories(repo.resolve("regional/m")).resolve("main.tf"),
                "resource \"aws_cloudtrail\" \"inner\" {\n  name = \"i\"\n}\n", StandardCharsets.UTF_8);
        Path config = repo.resolve(".trailwatch.yml");
        Files.writeString(config, "suppressions:\n  - id: TW001\n    resource: aws_cloudtrail.regional\n"
                + "    reason: archive only\n  - id: TW001\n    resource: module.m.aws_cloudtrail.inner\n"
                + "    reason: archive only\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "-q", "--config", config.toString(), "--rules", "TW001", tf.toString());
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
    }

    @Test
    void theProjectFilesGlobsAreRelativeToItsFolder() throws IOException {
        // The tests run elsewhere than the repository: only globs taken relative to the project file match.
        Path config = repo.resolve(".trailwatch.yml");
        Files.writeString(config, "rules:\n  TW004: off\nsuppressions:\n  - id: TW001\n    file: infra/*.yaml\n"
                + "    reason: archive only\n", StandardCharsets.UTF_8);
        List<JsonNode> found = findings("--config", config.toString());
        assertEquals(1, found.size());
        assertEquals("config", found.get(0).path("suppressed").path("kind").asText());

        // An excluded file is skipped even when named, as pre-commit names every changed file.
        Files.writeString(config, "exclude: [infra/**]\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "--config", config.toString(), template.toString());
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("0 files"), run.err());
    }

    @Test
    void commandLineExcludesApplyToFoldersOutsideTheWorkingDirectory() throws IOException {
        Path example = Files.createDirectories(repo.resolve("examples")).resolve("trail.yaml");
        Files.writeString(example, TEMPLATE, StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "--exclude", "examples/**", repo.toString());
        assertEquals(1, run.outLines().size(), run.out());
        assertTrue(run.out().contains("infra/trail.yaml"), run.out());
    }

    @Test
    void aCallFromAnExcludedFolderDoesNotDecideHowAModuleIsEvaluated() throws IOException {
        Path module = Files.createDirectories(repo.resolve("modules/trail")).resolve("main.tf");
        Files.writeString(module, "variable \"role_arn\" {\n  default = \"arn:aws:iam::123456789012:role/trail\"\n}\n"
                + "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n"
                + "  cloud_watch_logs_group_arn = \"arn:aws:logs:us-east-1:123456789012:log-group:audit:*\"\n"
                + "  cloud_watch_logs_role_arn  = var.role_arn\n}\n", StandardCharsets.UTF_8);
        Files.writeString(Files.createDirectories(repo.resolve("examples/empty-role")).resolve("main.tf"),
                "module \"trail\" {\n  source   = \"../../modules/trail\"\n  role_arn = \"\"\n}\n",
                StandardCharsets.UTF_8);
        Cli.Run called = Cli.run("scan", "-q", "--rules", "TW001", module.toString());
        assertTrue(called.out().contains("module.trail.aws_cloudtrail.t is not integrated"), called.out());
        Cli.Run excluded = Cli.run("scan", "-q", "--rules", "TW001", "--exclude", "examples/**", module.toString());
        assertEquals(ExitCodes.CLEAN, excluded.exitCode(), excluded.out() + excluded.err());
        assertEquals("", excluded.out());
    }

    @Test
    void commandLineWinsOverTheProjectFile() throws IOException {
        Path config = repo.resolve(".trailwatch.yml");
        Files.writeString(config, "fail-on: never\n", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.CLEAN, Cli.run("scan", "-q", "--config", config.toString(), template.toString())
                .exitCode());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--config", config.toString(), "--fail-on", "error",
                template.toString()).exitCode());
    }

    @Test
    void unknownKeyInTheProjectFileIsAnErrorWithItsPosition() throws IOException {
        Path config = repo.resolve(".trailwatch.yml");
        Files.writeString(config, "rules:\n  TW004: off\nfailon: warning\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "-q", "--config", config.toString(), template.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.err().strip().endsWith(".trailwatch.yml:3:1: unknown key 'failon'; known: baseline, exclude,"
                + " fail-on, formats, inline-suppressions, jobs, max-file-size, parameters, parameters-files,"
                + " peer-suppressions, rules, strict, suppressions, var-files, vars"), run.err());
    }
}
