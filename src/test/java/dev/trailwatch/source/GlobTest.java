package dev.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static boolean matches(String glob, String path) throws Glob.InvalidGlobException {
        return Glob.compile(glob).matches(path);
    }

    @Test
    void starStaysInAFolderNameAndDoubleStarCrossesFolders() throws Exception {
        assertTrue(matches("*.tf", "main.tf"));
        assertFalse(matches("*.tf", "a/main.tf"));
        assertTrue(matches("**.tf", "a/b/main.tf"));
        assertTrue(matches("a/*/c", "a/b/c"));
        assertFalse(matches("a/*/c", "a/b/x/c"));
        assertTrue(matches("a/**/c", "a/b/x/c"));
        assertTrue(matches("a/**/c", "a/c"), "**/ also matches no folder");
        assertTrue(matches("**/c", "c"));
        assertTrue(matches("examples/**", "examples/x/y.tf"));
        assertFalse(matches("examples/**", "other/x/y.tf"));
        assertTrue(matches("?.yaml", "a.yaml"));
        assertFalse(matches("?.yaml", "/.yaml"));
        assertFalse(matches("?.yaml", "ab.yaml"));
    }

    @Test
    void classesGroupsAndEscapes() throws Exception {
        assertTrue(matches("[a-c]x", "bx"));
        assertFalse(matches("[a-c]x", "dx"));
        assertTrue(matches("[!a-c]x", "dx"));
        assertTrue(matches("[^a-c]x", "dx"));
        assertFalse(matches("[!a-c]x", "ax"));
        assertTrue(matches("[]]", "]"));
        assertTrue(matches("[a-]", "-"));
        assertTrue(matches("*.{tf,yaml}", "x.yaml"));
        assertTrue(matches("*.{tf,yaml}", "x.tf"));
        assertFalse(matches("*.{tf,yaml}", "x.json"));
        assertTrue(matches("{a,}b", "b"));
        assertTrue(matches("\\*", "*"));
        assertFalse(matches("\\*", "x"));
    }

    @Test
    void anyDepthMatchesBelowEveryFolder() throws Exception {
        Glob glob = Glob.compile("legacy/*.tf", true);
        assertTrue(glob.matches("legacy/a.tf"));
        assertTrue(glob.matches("x/y/legacy/a.tf"));
        assertFalse(glob.matches("xlegacy/a.tf"));
        assertTrue(glob.matches(Path.of("x", "legacy", "a.tf")));
    }

    @Test
    void agreesWithJavasGlobWhereTheirRulesAreTheSame() throws Exception {
        List<String> globs = List.of("*.tf", "**.tf", "a/*/c", "**/*.yaml", "x?z", "[a-c]*", "[!a]*", "{a,b}/*",
                "*.{tf,json}", "**", "a/**", "test*/**/*.tf");
        List<String> paths = List.of("main.tf", "a/main.tf", "a/b/c", "a/b/c/d", "x/y.yaml", "x/y/z.yaml", "xyz", "x/z",
                "apple", "banana", "a/x", "b/y/z", "c/x", "q.json", "test1/m/n.tf", "test1/n.tf", "");
        for (String glob : globs) {
            PathMatcher java = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Glob ours = Glob.compile(glob);
            for (String path : paths) {
                boolean javaSays = java.matches(Path.of(path));
                // Our **/ also matches no folder at all: only that case may differ, in our favour.
                if (!(glob.contains("**/") && !javaSays)) {
                    assertEquals(javaSays, ours.matches(path), glob + " against " + path);
                }
            }
        }
    }

    @Test
    void theRememberedStatesStayRightPastTheirBound() throws Exception {
        // "*a" then 14 "?": the live states are the positions of the recent a's, up to 2^15 sets,
        // more than the automaton keeps; answers must not change when it starts forgetting.
        String glob = "*a" + "?".repeat(14);
        Glob ours = Glob.compile(glob);
        PathMatcher java = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        java.util.Random random = new java.util.Random(10);
        for (int i = 0; i < 3000; i++) {
            StringBuilder path = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                path.append(random.nextBoolean() ? 'a' : 'b');
            }
            assertEquals(java.matches(Path.of(path.toString())), ours.matches(path), path.toString());
        }
    }

    @Test
    void invalidGlobsSayWhereAndWhy() {
        Glob.InvalidGlobException unclosed = assertThrows(Glob.InvalidGlobException.class, () -> Glob.check("[a-"));
        assertEquals(0, unclosed.index());
        assertEquals("[ is not closed by ]", unclosed.getMessage());
        Glob.InvalidGlobException nested = assertThrows(Glob.InvalidGlobException.class,
                () -> Glob.check("{a,{b,c}}"));
        assertEquals(3, nested.index());
        assertEquals("a { } group cannot be nested in another", nested.getMessage());
        Glob.InvalidGlobException empty = assertThrows(Glob.InvalidGlobException.class, () -> Glob.check("x[z-a]"));
        assertEquals(2, empty.index());
        assertTrue(empty.getMessage().startsWith("range z-a is empty"), empty.getMessage());
        assertEquals(2, assertThrows(Glob.InvalidGlobException.class, () -> Glob.check("ab{c")).index());
        assertEquals(1, assertThrows(Glob.InvalidGlobException.class, () -> Glob.check("a\\")).index());
    }

    @Test
    void globsThatMakeARegularExpressionBacktrackAreMatchedInOnePass() throws Exception {
        // {a,a,a,...}* and **/**/**/... against a long path that does not match: a regex would
        // backtrack through every way of splitting the path; the automaton walks it once.
        String alternatives = "{" + String.join(",", java.util.Collections.nCopies(200, "a")) + "}*b";
        String path = "a".repeat(5000);
        assertFalse(matches(alternatives.repeat(5), path));
        String stars = "**/".repeat(200) + "x";
        assertFalse(matches(stars, "a/".repeat(3000) + "y"));
        assertTrue(matches(stars, "a/".repeat(3000) + "x"));
    }
}
