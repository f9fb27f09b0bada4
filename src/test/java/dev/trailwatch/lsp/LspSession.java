package dev.trailwatch.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client connected to {@code trailwatch lsp} run in this JVM over two pipes, as an editor is
 * over standard input and output: lsp4j's own client side, recording what the server publishes.
 */
final class LspSession implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    final LanguageServer server;
    final List<MessageParams> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final List<PublishDiagnosticsParams> unclaimed = new ArrayList<>();
    private final OutputStream toServer;
    private final InputStream fromServer;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    /** What {@link LanguageServerLauncher#run} returned: whether the session ended in order. */
    final CompletableFuture<Boolean> ended;

    LspSession(QuickFixes fixes) throws IOException {
        Pipe clientToServer = Pipe.open();
        Pipe serverToClient = Pipe.open();
        toServer = Channels.newOutputStream(clientToServer.sink());
        fromServer = Channels.newInputStream(serverToClient.source());
        InputStream serverIn = Channels.newInputStream(clientToServer.source());
        OutputStream serverOut = Channels.newOutputStream(serverToClient.sink());
        PrintStream serverLog = new PrintStream(log, true, StandardCharsets.UTF_8);
        ended = new CompletableFuture<>();
        Thread serverThread = new Thread(() -> {
            try {
                ended.complete(LanguageServerLauncher.run(serverIn, serverOut, serverLog, fixes));
            } catch (Throwable e) {
                ended.completeExceptionally(e);
            } finally {
                try {
                    serverOut.close(); // as the process's standard output closes when it exits
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "lsp-server-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new RecordingClient(), fromServer,
                toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    LspSession() throws IOException {
        this(QuickFixes.NONE);
    }

    InitializeResult initialize(Path root, Object initializationOptions) throws Exception {
        return initialize(root, initializationOptions, null);
    }

    InitializeResult initialize(Path root, Object initializationOptions, Integer clientProcessId) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setProcessId(clientProcessId);
        params.setCapabilities(new ClientCapabilities());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
        params.setInitializationOptions(initializationOptions);
        InitializeResult result = server.initialize(params).get(WAIT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
        return result;
    }

    void open(Path file, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(file), "plaintext", 1, text)));
    }

    void change(Path file, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(file), version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    void save(Path file, String text) {
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri(file)), text));
    }

    static String uri(Path file) {
        return file.toUri().toString();
    }

    /** The next diagnostics published for a file (others published meanwhile are kept for their turn). */
    PublishDiagnosticsParams next(Path file) throws InterruptedException {
        String uri = uri(file);
        synchronized (unclaimed) {
            for (PublishDiagnosticsParams p : unclaimed) {
                if (p.getUri().equals(uri)) {
                    unclaimed.remove(p);
                    return p;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            PublishDiagnosticsParams p = published.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(p, "no diagnostics published for " + uri + " within " + WAIT_SECONDS + " s; server log: "
                    + serverLog());
            if (p.getUri().equals(uri)) {
                return p;
            }
            synchronized (unclaimed) {
                unclaimed.add(p);
            }
        }
    }

    /** Diagnostics published for a file within a short while, or null: for what must not be published. */
    PublishDiagnosticsParams publishedWithin(Path file, long millis) throws InterruptedException {
        String uri = uri(file);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (unclaimed) {
            for (PublishDiagnosticsParams p : unclaimed) {
                if (p.getUri().equals(uri)) {
                    unclaimed.remove(p);
                    return p;
                }
            }
        }
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (p != null && p.getUri().equals(uri)) {
                return p;
            }
            if (p != null) {
                synchronized (unclaimed) {
                    unclaimed.add(p);
                }
            }
        }
        return null;
    }

    /** Sends raw bytes, as a broken client might. */
    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The client goes away: its end of the connection closes. */
    void disconnect() throws IOException {
        toServer.close();
    }

    boolean endedWithin(long seconds) throws Exception {
        return ended.get(seconds, TimeUnit.SECONDS);
    }

    String serverLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        fromServer.close();
    }

    private final class RecordingClient implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams message) {
            messages.add(message);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            messages.add(message);
        }
    }
}
