package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value longer than any ARN is a finding at once, never megabytes matched character by character. */
class LongValueTest {
    @Test
    void valuesLongerThanAnyArnAreReportedAsSuch(@TempDir Path dir) throws IOException {
        String group = "arn:aws:logs:us-east-1:123456789012:log-group:" + "a".repeat(100_000) + ":*";
        String role = "arn:aws:iam::123456789012:role/" + "b".repeat(50_000);
        Path template = dir.resolve("long.json");
        Files.writeString(template, "{\"Resources\": {\"T\": {\"Type\": \"AWS::CloudTrail::Trail\", \"Properties\": {"
                + "\"CloudWatchLogsLogGroupArn\": \"" + group + "\",\n\"CloudWatchLogsRoleArn\": \"" + role + "\"}}}}",
                StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "-q", template.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode());
        assertEquals(List.of(
                "error TW002 T's log group is not one CloudTrail accepts: CloudWatchLogsLogGroupArn is 100048"
                        + " characters long, longer than any ARN (at most 2048)",
                "error TW003 T's CloudWatch Logs role cannot deliver: CloudWatchLogsRoleArn is 50031 characters long,"
                        + " longer than any ARN (at most 2048)"),
                run.outLines().stream().map(l -> l.substring(l.indexOf("error "))).toList());
    }
}
