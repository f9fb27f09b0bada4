package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.testing.ExpectedFindings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered rule is described, explained and tested by at least one fixture. */
class RuleRegistryTest {
    @Test
    void everyRuleHasMetadataExplanationAndAFixture() throws IOException {
        Set<String> ids = new HashSet<>();
        List<Path> fixtures = FixtureTest.fixtures();
        for (Rule rule : Rules.all()) {
            RuleMetadata m = rule.metadata();
            assertTrue(ids.add(m.id()), "duplicate rule id " + m.id());
            assertTrue(m.id().matches("TW\\d{3}"), m.id());
            assertTrue(m.name().matches("[A-Z][A-Za-z0-9]+"), "SARIF wants a PascalCase name: " + m.name());
            assertFalse(m.summary().isBlank());
            // Only trailwatch's own checks (TW000, TW100) have no counterpart in other linters.
            assertEquals(m.tags().contains("trailwatch"), m.peerIds().isEmpty(), m.id() + "'s peer checks");
            String explanation = m.explanation();
            assertNotNull(explanation, "src/main/resources/dev/trailwatch/rules/" + m.id() + ".md is missing");
            assertTrue(explanation.startsWith(m.id()), "the explanation starts with the rule id");
            for (String part : List.of("Why it matters", "How to fix it", "Console", "AWS CLI", "CloudFormation",
                    "Terraform")) {
                assertTrue(explanation.contains(part), m.id() + ".md lacks " + part);
            }
            boolean tested = false;
            for (Path fixture : fixtures) {
                tested |= ExpectedFindings.of(fixture).stream().anyMatch(e -> e.contains(" " + m.id() + " "));
            }
            assertTrue(tested, "no fixture in testdata expects " + m.id());
        }
        assertEquals(ids.size(), Rules.all().size());
    }

    /** A rule class written but not registered would never run: every @RuleInfo class is in Rules.all(). */
    @Test
    void everyRuleClassIsRegistered() throws Exception {
        Path folder = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/trailwatch/rules");
        Set<String> annotated = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.trailwatch.rules." + name);
                if (type.isAnnotationPresent(RuleInfo.class)) {
                    annotated.add(type.getSimpleName());
                }
            }
        }
        Set<String> registered = new java.util.TreeSet<>();
        Rules.all().forEach(r -> registered.add(r.getClass().getSimpleName()));
        assertTrue(annotated.size() >= 7, "rule classes found: " + annotated);
        assertEquals(annotated, registered);
    }
}
