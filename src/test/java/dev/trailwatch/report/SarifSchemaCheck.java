package dev.trailwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Validates SARIF files against the official SARIF 2.1.0 schema, whose path is its first argument
 * (scripts/sarif-conformance.sh passes it; no unit test runs this). Prints one line per file and the
 * {@code N passed, N failed} line; exits 1 when any file is invalid.
 */
public final class SarifSchemaCheck {
    private SarifSchemaCheck() {}

    public static void main(String[] args) throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        ObjectMapper json = new ObjectMapper();
        int passed = 0;
        int failed = 0;
        for (int i = 1; i < args.length; i++) {
            JsonNode sarif = json.readTree(Path.of(args[i]).toFile());
            Set<ValidationMessage> problems = schema.validate(sarif);
            if (problems.isEmpty()) {
                passed++;
                System.out.println("valid: " + args[i] + " (" + sarif.path("runs").get(0).path("results").size()
                        + " results)");
            } else {
                failed++;
                System.out.println("INVALID: " + args[i]);
                problems.stream().limit(20).forEach(p -> System.out.println("  " + p.getMessage()));
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
