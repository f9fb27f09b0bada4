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

/**
 * Other linters' skips of the same control hold only when the project opts in, show as
 * suppressed with kind peer and their own reason, and never hide another rule's finding.
 * (Without the option, FixtureTest shows every finding of testdata/peer-suppressions reported.)
 */
class PeerSuppressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each finding as {@code RULE address kind: reason}, or {@code RULE address reported}. */
    private static List<String> findings(String... args) throws IOException {
        Cli.Run run = Cli.run(args);
        List<String> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            JsonNode s = f.path("suppressed");
            out.add(f.path("ruleId").asText() + " " + f.path("resource").path("address").asText() + " "
                    + (s.isMissingNode() || s.isNull() ? "reported" : s.path("kind").asText() + ": " + s.path("reason").asText()));
        }
        return out;
    }

    private static final List<String> WITH_PEERS = List.of(
            "TW001 aws_cloudtrail.checkov_skip peer: Delivered to the organization's central log group instead",
            "TW001 aws_cloudtrail.trivy_ignore peer: ignored for Trivy",
            "TW001 aws_cloudtrail.kics_ignore peer: kics-scan ignore-block",
            "TW001 aws_cloudtrail.trivy_expired reported",
            "TW001 aws_cloudtrail.other_control reported",
            "TW004 aws_cloudtrail.other_control reported",
            "TW001 aws_cloudtrail.skip_does_not_hide_tw004 peer: the role is added by the platform team",
            "TW004 aws_cloudtrail.skip_does_not_hide_tw004 reported",
            "TW001 CheckovMetadata peer: Central logging account delivers to CloudWatch Logs",
            "TW001 GuardMetadata peer: suppressed for cfn-guard",
            "TW001 CheckovComment peer: Sandbox account");

    @Test
    void peerSkipsHoldWithTheOption() throws IOException {
        assertEquals(WITH_PEERS, findings("scan", "-q", "-f", "json", "--peer-suppressions",
                "testdata/peer-suppressions/main.tf", "testdata/peer-suppressions/template.yaml"));
    }

    @Test
    void peerSkipsHoldWithTheProjectFileKey(@TempDir Path dir) throws IOException {
        Path config = dir.resolve(".trailwatch.yml");
        Files.writeString(config, "peer-suppressions: true\n", StandardCharsets.UTF_8);
        assertEquals(WITH_PEERS, findings("scan", "-q", "-f", "json", "--config", config.toString(),
                "testdata/peer-suppressions/main.tf", "testdata/peer-suppressions/template.yaml"));
    }

    @Test
    void withoutTheOptionEveryFindingCountsAndPeerSkipsAreNeverTw100() throws IOException {
        List<String> plain = findings("scan", "-q", "-f", "json", "testdata/peer-suppressions/main.tf",
                "testdata/peer-suppressions/template.yaml");
        assertEquals(WITH_PEERS.stream().map(l -> l.contains(" peer: ") ? l.substring(0, l.indexOf(" peer: "))
                + " reported" : l).toList(), plain);
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "testdata/peer-suppressions/main.tf").exitCode());
    }
}
