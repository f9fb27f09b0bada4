package dev.trailwatch.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code trailwatch lsp} as a command: listed, documented, and not mistaken for a file to scan. */
class LspCommandTest {
    @Test
    void lspIsACommandWithItsOwnHelp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"lsp", "--help"}, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("Usage: trailwatch lsp"), out.toString());
        assertTrue(out.toString().contains("Language Server Protocol"), out.toString());
    }

    @Test
    void theTopLevelHelpListsIt() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]));
        assertTrue(out.toString().lines().anyMatch(line -> line.strip().startsWith("lsp ")), out.toString());
    }

    @Test
    void aTypoIsCorrectedToLsp() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"lps"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(2, code);
        assertEquals("trailwatch: 'lps' is neither a command nor a file; did you mean 'lsp'?", err.toString().strip());
    }
}
