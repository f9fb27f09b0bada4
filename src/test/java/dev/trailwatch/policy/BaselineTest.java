package dev.trailwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline a reviewer can read: each accepted finding named, in a stable order; old baselines still work. */
class BaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INPUTS = {"testdata/rules/terraform/logging", "testdata/cloudformation/role-missing.json"};

    private static Cli.Run scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "-q"));
        args.addAll(List.of(options));
        args.addAll(List.of(INPUTS));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void entriesNameRuleResourceFileAndMessageSortedByFileRuleAndResource(@TempDir Path dir) throws IOException {
        Path baseline = dir.resolve("baseline.json");
        assertEquals(ExitCodes.FINDINGS, scan("--write-baseline", baseline.toString()).exitCode());
        JsonNode root = JSON.readTree(baseline.toFile());
        assertEquals(2, root.path("version").asInt());
        List<String> entries = new ArrayList<>();
        for (JsonNode e : root.path("findings")) {
            assertEquals(32, e.path("fingerprint").asText().length());
            entries.add(e.path("file").asText() + " " + e.path("rule").asText() + " " + e.path("resource").asText()
                    + ": " + e.path("message").asText());
        }
        assertEquals(List.of(
                "testdata/cloudformation/role-missing.json TW001 Trail: Trail is not integrated with CloudWatch Logs:"
                        + " CloudWatchLogsRoleArn is not set",
                "testdata/cloudformation/role-missing.json TW004 Trail: Trail notifies nobody: no metric filter reads"
                        + " log group TrailLogGroup",
                "testdata/rules/terraform/logging/main.tf TW005 aws_cloudtrail.from_variable: aws_cloudtrail.from_variable"
                        + " does not log, so nothing reaches CloudWatch Logs: enable_logging is false (from the default"
                        + " of variable logging)",
                "testdata/rules/terraform/logging/main.tf TW005 aws_cloudtrail.stopped: aws_cloudtrail.stopped does not"
                        + " log, so nothing reaches CloudWatch Logs: enable_logging is false"), entries);
        assertEquals(ExitCodes.CLEAN, scan("--baseline", baseline.toString()).exitCode());
        // Written again from the same findings: the same bytes, so a pull request shows only what changed.
        byte[] first = Files.readAllBytes(baseline);
        scan("--baseline", baseline.toString(), "--write-baseline", baseline.toString());
        assertEquals(new String(first, StandardCharsets.UTF_8), Files.readString(baseline));
    }

    @Test
    void aVersionOneBaselineOfFingerprintsIsStillRead(@TempDir Path dir) throws IOException {
        Path written = dir.resolve("v2.json");
        scan("--write-baseline", written.toString());
        List<String> fingerprints = new ArrayList<>();
        JSON.readTree(written.toFile()).path("findings").forEach(e -> fingerprints.add("\"" + e.path("fingerprint").asText() + "\""));
        Path old = dir.resolve("v1.json");
        Files.writeString(old, "{\"version\": 1, \"fingerprints\": [" + String.join(", ", fingerprints) + "]}");
        assertEquals(ExitCodes.CLEAN, scan("--baseline", old.toString()).exitCode());
    }
}
