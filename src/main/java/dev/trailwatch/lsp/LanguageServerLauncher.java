package dev.trailwatch.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server on a pair of streams until the client says exit or goes away. */
public final class LanguageServerLauncher {
    /** Held: java.util.logging keeps loggers weakly, and a collected one would forget its handler. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("org.eclipse.lsp4j");

    private LanguageServerLauncher() {}

    /**
     * Serves until {@code exit} or the end of {@code in}. Returns whether the end was orderly
     * ({@code shutdown} then {@code exit}), which the protocol makes the exit code.
     */
    public static boolean run(InputStream in, OutputStream out, PrintStream log) {
        return run(in, out, log, QuickFixes.NONE);
    }

    public static boolean run(InputStream in, OutputStream out, PrintStream log, QuickFixes fixes) {
        quietLibraryLogs(log);
        CompletableFuture<Void> exited = new CompletableFuture<>();
        TrailwatchLanguageServer server = new TrailwatchLanguageServer(fixes, () -> exited.complete(null));
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture.runAsync(() -> {
            try {
                listening.get(); // returns when the input ends: the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.println("trailwatch lsp: the connection failed: " + e.getCause());
            } finally {
                exited.complete(null);
            }
        });
        exited.join();
        listening.cancel(true);
        boolean orderly = server.shutdownRequested();
        server.shutdown(); // stops the analyses of a client that went away without it
        return orderly;
    }

    /** lsp4j logs a malformed message with its stack trace; one line on standard error says enough. */
    private static void quietLibraryLogs(PrintStream log) {
        Logger logger = LIBRARY_LOG;
        logger.setUseParentHandlers(false);
        for (Handler handler : logger.getHandlers()) {
            logger.removeHandler(handler);
        }
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    Throwable thrown = record.getThrown();
                    log.println("trailwatch lsp: " + record.getMessage() + (thrown == null ? "" : ": " + thrown.getMessage()));
                }
            }

            @Override
            public void flush() {
                log.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
