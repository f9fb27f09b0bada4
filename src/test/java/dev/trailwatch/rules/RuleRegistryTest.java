package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.testing.ExpectedFindings;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
            // Only trailwatch's own rules (what was not seen, suppressions) have no counterpart in other linters.
            assertEquals(m.tags().contains("trailwatch"), m.peerIds().isEmpty(), m.id() + "'s peer checks");
            assertEquals(m.kind() != RuleKind.CHECK, m.peerIds().isEmpty(), m.id() + "'s kind");
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

    /**
     * A rule class written but not registered would never run: the compiled rule classes (this
     * package and below) are exactly those of Rules.all().
     */
    @Test
    void everyRuleClassIsRegistered() throws Exception {
        Set<Class<?>> registered = new HashSet<>();
        Rules.all().forEach(r -> registered.add(r.getClass()));
        assertEquals(names(registered), names(ruleClasses(classesOf(Rule.class), "dev.trailwatch.rules")),
                "rule classes in the code (right) that Rules.all() (left) does not list, or the reverse");
    }

    /** The discovery above finds a rule that is not registered (it would otherwise pass on finding nothing). */
    @Test
    void discoveryFindsAnUnregisteredRule() throws Exception {
        Set<Class<?>> found = ruleClasses(classesOf(RuleRegistryTest.class), "dev.trailwatch.rules.unregistered");
        assertEquals(Set.of(dev.trailwatch.rules.unregistered.UnregisteredRule.class), found);
    }

    /**
     * Every class under {@code packageName} in a folder of compiled classes that is a rule: a
     * concrete class that extends Rule.
     */
    static Set<Class<?>> ruleClasses(Path classes, String packageName) throws Exception {
        Path folder = classes.resolve(packageName.replace('.', '/'));
        assertTrue(Files.isDirectory(folder), "no compiled classes at " + folder);
        Set<Class<?>> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                Class<?> type = Class.forName(relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.'), false, RuleRegistryTest.class.getClassLoader());
                if (Rule.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    out.add(type);
                }
            }
        }
        return out;
    }

    private static Path classesOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Set<String> names(Set<Class<?>> classes) {
        return new TreeSet<>(classes.stream().map(Class::getName).toList());
    }
}
