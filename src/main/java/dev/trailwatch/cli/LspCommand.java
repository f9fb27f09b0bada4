package dev.trailwatch.cli;

import dev.trailwatch.lsp.LanguageServerLauncher;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code trailwatch lsp}: the language server over standard input and output. Standard output
 * carries the protocol alone, so anything else printed while the server runs goes to standard error.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Runs the language server (Language Server Protocol over standard input and output) that"
                + " editors start to show findings as you type.")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        InputStream in = System.in;
        OutputStream protocol = System.out;
        PrintStream err = System.err;
        System.setOut(err); // a stray print must not corrupt the protocol stream
        try {
            return LanguageServerLauncher.run(in, protocol, err) ? ExitCodes.CLEAN : ExitCodes.ERROR;
        } finally {
            System.setOut(new PrintStream(protocol, true));
        }
    }
}
