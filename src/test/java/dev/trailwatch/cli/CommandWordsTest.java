package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped command gets a suggestion, and the shell completion script completes real options. */
class CommandWordsTest {
    @Test
    void aWordCloseToACommandThatIsNoFileGetsASuggestion() {
        Cli.Run run = Cli.run("scna", "testdata");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: 'scna' is neither a command nor a file; did you mean 'scan'?", run.err().strip());
        assertEquals("trailwatch: 'rule' is neither a command nor a file; did you mean 'rules'?",
                Cli.run("rule").err().strip());
        // A word far from every command is a path, as before: "no such file".
        Cli.Run path = Cli.run("-q", "nonexistent-folder");
        assertEquals(ExitCodes.ERROR, path.exitCode());
        assertTrue(path.err().contains("nonexistent-folder"), path.err());
        assertTrue(!path.err().contains("did you mean"), path.err());
    }

    @Test
    void bashCompletionCompletesCommandsAndOptions(@TempDir Path dir) throws IOException, InterruptedException {
        Cli.Run run = Cli.run("completion", "bash");
        assertEquals(ExitCodes.CLEAN, run.exitCode());
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, run.out() + "\nCOMP_WORDS=(trailwatch scan --str); COMP_CWORD=2;"
                + " _complete_trailwatch; echo \"${COMPREPLY[@]}\"\n", StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(false).start();
        String completed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, bash.waitFor());
        assertEquals("--strict", completed);
        assertEquals("trailwatch: completion for bash or zsh, not 'fish'", Cli.run("completion", "fish").err().strip());
    }
}
