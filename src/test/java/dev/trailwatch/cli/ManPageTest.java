package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man page is generated from the commands' model: every option of every command is in it. */
class ManPageTest {
    @Test
    void everyOptionOfEveryCommandIsDescribed(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("man/trailwatch.1");
        ManPage.main(new String[] {page.toString()});
        String troff = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(troff.startsWith(".TH TRAILWATCH 1 "), troff);
        for (String section : new String[] {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH SCAN", ".SH EXIT STATUS"}) {
            assertTrue(troff.contains(section), section);
        }
        CommandLine full = Main.fullCommandLine();
        int options = 0;
        for (CommandLine sub : full.getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                assertTrue(troff.contains(".B " + ManPage.escape(String.join(", ", option.names()))),
                        sub.getCommandName() + " " + option.longestName());
                options++;
            }
        }
        assertTrue(options > 20, "the scan command's options at least");
        assertEquals(".B \\-\\-strict", troff.lines().filter(l -> l.equals(".B \\-\\-strict")).findFirst().orElse(""));
    }
}
