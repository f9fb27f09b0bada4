package dev.trailwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The project file holds every scan option, the command line wins, and it is YAML by YAML's own rules. */
class ProjectFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("tf"));
        Files.writeString(repo.resolve("tf/main.tf"), "variable \"group_arn\" {\n  default = \"arn:aws:logs:eu-west-1:"
                + "123456789012:log-group:a:*\"\n}\nvariable \"role_arn\" {}\nresource \"aws_cloudtrail\" \"t\" {\n"
                + "  name = \"t\"\n  cloud_watch_logs_group_arn = var.group_arn\n  cloud_watch_logs_role_arn  = var.role_arn\n}\n",
                StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("tf/empty.tfvars"), "group_arn = \"\"\n", StandardCharsets.UTF_8);
    }

    private Cli.Run scan(String config, String... options) throws IOException {
        Files.writeString(repo.resolve(".trailwatch.yaml"), config, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of("scan", "-q", "--config",
                repo.resolve(".trailwatch.yaml").toString()));
        args.addAll(List.of(options));
        args.add(repo.resolve("tf").toString());
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void theYamlSpellingIsFoundToo() throws IOException {
        Files.writeString(repo.resolve(".trailwatch.yaml"), "strict: true\n", StandardCharsets.UTF_8);
        assertEquals(repo.resolve(".trailwatch.yaml").toAbsolutePath(), ProjectConfig.find(repo.resolve("tf")));
    }

    @Test
    void varsVarFilesStrictAndFormatsComeFromTheProjectFile() throws IOException {
        Files.createDirectories(repo.resolve("reports"));
        Cli.Run run = scan("strict: true\nvars: {role_arn: \"arn:aws:iam::123456789012:role/trail\"}\n"
                + "var-files: [tf/empty.tfvars]\nformats: [text, json=reports/trailwatch.json]\n");
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertTrue(run.out().contains("error TW001 aws_cloudtrail.t is not integrated with CloudWatch Logs:"
                + " cloud_watch_logs_group_arn is empty (from "), run.out());
        assertTrue(run.out().contains("empty.tfvars)"), run.out());
        JsonNode report = JSON.readTree(repo.resolve("reports/trailwatch.json").toFile());
        assertEquals("TW001", report.path("findings").get(0).path("ruleId").asText());
    }

    @Test
    void theCommandLineWins() throws IOException {
        Cli.Run run = scan("vars: {role_arn: \"\"}\nvar-files: [tf/empty.tfvars]\n",
                "--var", "role_arn=arn:aws:iam::123456789012:role/trail",
                "--var", "group_arn=arn:aws:logs:eu-west-1:123456789012:log-group:b:*");
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.out());
        // Without --strict on the command line, the project file's strict: true shows the role it cannot know.
        Cli.Run strict = scan("strict: true\n");
        assertTrue(strict.out().contains("note TW000 aws_cloudtrail.t's cloud_watch_logs_role_arn is not known"
                + " statically: variable role_arn has no default and no value"), strict.out());
    }

    @Test
    void aliasesAndMergeKeysAreYamlAndFine() throws IOException {
        Cli.Run run = scan("vars: {role_arn: &role \"arn:aws:iam::123456789012:role/trail\"}\nrules:\n"
                + "  TW004: &quiet off\n  TW005: *quiet\nsuppressions:\n"
                + "  - <<: {id: TW001, reason: replaced by the organization trail}\n    resource: aws_cloudtrail.t\n",
                "--var-file", repo.resolve("tf/empty.tfvars").toString());
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
    }

    @Test
    void anAliasBombIsAnErrorAtItsPosition() throws IOException {
        StringBuilder bomb = new StringBuilder("x0: &a0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Cli.Run run = scan(bomb.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.err().contains(".trailwatch.yaml:"), run.err());
        assertTrue(run.err().contains("aliases") || run.err().contains("values once aliases are expanded"), run.err());
    }
}
