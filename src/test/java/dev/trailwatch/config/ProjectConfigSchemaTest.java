package dev.trailwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.trailwatch.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every project file example (the README's blocks that start with {@code # .trailwatch.yml}, and
 * every .trailwatch.yml/.yaml in testdata) is valid against schema/trailwatch-config.schema.json
 * and read by trailwatch; the schema and the reader agree on which keys exist.
 */
class ProjectConfigSchemaTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(# \\.trailwatch\\.ya?ml\\n.*?)```", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KNOWN_RULES = Rules.all().stream().map(r -> r.metadata().id())
            .collect(Collectors.toSet());

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Path.of("schema/trailwatch-config.schema.json"), StandardCharsets.UTF_8));
    }

    private static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1));
        }
        assertFalse(out.isEmpty(), "the README shows a project file");
        try (Stream<Path> files = Files.walk(Path.of("testdata"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("\\.trailwatch\\.ya?ml")).toList()) {
                out.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertTrue(out.size() >= 2, "the README's and testdata's examples");
        return out;
    }

    @Test
    void everyExampleIsValidAndRead(@TempDir Path dir) throws IOException {
        JsonSchema schema = schema();
        for (String example : examples()) {
            Set<ValidationMessage> problems = schema.validate(YAML.readTree(example));
            assertEquals(Set.of(), problems, example);
            Path file = dir.resolve(".trailwatch.yml");
            Files.writeString(file, example, StandardCharsets.UTF_8);
            try {
                ProjectConfig.read(file, file.toString(), KNOWN_RULES);
            } catch (dev.trailwatch.source.InputException e) {
                throw new AssertionError("trailwatch rejects an example the schema accepts: " + e.getMessage()
                        + "\n" + example, e);
            }
        }
    }

    @Test
    void theSchemaDescribesEveryKeyTheReaderKnowsAndRejectsOthers() throws IOException {
        JsonNode schemaJson = new ObjectMapper().readTree(Path.of("schema/trailwatch-config.schema.json").toFile());
        List<String> keys = new ArrayList<>();
        schemaJson.path("properties").fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            assertFalse(schemaJson.path("properties").path(key).path("description").asText().isEmpty(),
                    key + " is documented in the schema");
        }
        // The reader names its known keys in its error for an unknown one: the same set as the schema's.
        Path file = Files.createTempFile("trailwatch", ".yml");
        Files.writeString(file, "bogus: 1\n", StandardCharsets.UTF_8);
        try {
            ProjectConfig.read(file, file.toString(), KNOWN_RULES);
            throw new AssertionError("an unknown key must be an error");
        } catch (dev.trailwatch.source.InputException e) {
            String known = e.getMessage().substring(e.getMessage().indexOf("known: ") + "known: ".length());
            assertEquals(new java.util.TreeSet<>(keys), new java.util.TreeSet<>(List.of(known.split(", "))));
        } finally {
            Files.delete(file);
        }
        assertFalse(schema().validate(YAML.readTree("bogus: 1\n")).isEmpty());
        assertFalse(schema().validate(YAML.readTree("rules: {TW001: {ignorable: maybe}}\n")).isEmpty());
    }
}
