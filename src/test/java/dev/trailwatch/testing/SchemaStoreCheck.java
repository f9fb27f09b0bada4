package dev.trailwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;

/**
 * Validates YAML files against SchemaStore's JSON schemas (action.yml, workflows,
 * .pre-commit-hooks.yaml, .pre-commit-config.yaml). Arguments: the folder of the schemas (their
 * {@code https://json.schemastore.org/} references are read from there, never from the network),
 * then {@code SCHEMA.json=FILE.yaml} pairs. scripts/schema-check.sh passes them; no unit test runs
 * this. Prints a line per file and the {@code N passed, N failed} line; exits 1 when any is invalid.
 */
public final class SchemaStoreCheck {
    private SchemaStoreCheck() {}

    public static void main(String[] args) throws Exception {
        String folder = Path.of(args[0]).toAbsolutePath().normalize().toUri().toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaMappers(m -> m.mapPrefix("https://json.schemastore.org/", folder)));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int passed = 0;
        int failed = 0;
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String schemaName = args[i].substring(0, eq);
            Path file = Path.of(args[i].substring(eq + 1));
            JsonSchema schema = factory.getSchema(SchemaLocation.of("https://json.schemastore.org/" + schemaName));
            JsonNode document = yaml.readTree(file.toFile());
            Set<ValidationMessage> problems = schema.validate(document);
            if (problems.isEmpty()) {
                passed++;
                System.out.println("valid: " + file + " (" + schemaName + ")");
            } else {
                failed++;
                System.out.println("INVALID: " + file + " (" + schemaName + ")");
                problems.stream().limit(20).forEach(p -> System.out.println("  " + p.getMessage()));
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
