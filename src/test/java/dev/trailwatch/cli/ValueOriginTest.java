package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A value left empty by a condition that a tfvars entry, a module argument or a parameter's
 * default decided: the finding's related location points at where that value was set.
 */
class ValueOriginTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode related(String path, String address) throws IOException {
        Cli.Run run = Cli.run("scan", "-q", "--rules", "TW001", "-f", "json", path);
        for (JsonNode finding : JSON.readTree(run.out()).path("findings")) {
            if (finding.path("resource").path("address").asText().equals(address)) {
                return finding.path("related").get(0);
            }
        }
        throw new AssertionError("no finding on " + address + " in " + run.out());
    }

    @Test
    void aConditionDecidedByTfvarsPointsAtTheTfvarsEntry() throws IOException {
        JsonNode related = related("testdata/rules/terraform/why-empty/main.tf", "aws_cloudtrail.switched_off_by_tfvars");
        assertEquals("testdata/rules/terraform/why-empty/terraform.tfvars", related.path("file").asText());
        assertEquals(1, related.path("line").asInt());
        assertEquals("cloud_watch_logs_group_arn gets its value from condition var.cloudwatch_enabled, false because of"
                + " testdata/rules/terraform/why-empty/terraform.tfvars", related.path("message").asText());
    }

    @Test
    void aConditionDecidedByAModuleArgumentPointsAtTheArgument() throws IOException {
        JsonNode related = related("testdata/rules/terraform/why-empty/trail-module/main.tf", "module.trail.aws_cloudtrail.this");
        assertEquals("testdata/rules/terraform/why-empty/main.tf", related.path("file").asText());
        assertEquals(18, related.path("line").asInt());
        assertEquals(3, related.path("column").asInt());
    }

    @Test
    void anFnIfDecidedByAParameterDefaultPointsAtTheDefault() throws IOException {
        JsonNode related = related("testdata/rules/cloudformation/partly-known.yaml", "ProdOnly");
        assertEquals("testdata/rules/cloudformation/partly-known.yaml", related.path("file").asText());
        assertEquals(8, related.path("line").asInt());
        assertEquals(5, related.path("column").asInt());
        assertEquals("CloudWatchLogsLogGroupArn gets its value from condition IsProd, false because of the Default of"
                + " parameter Env", related.path("message").asText());
    }
}
