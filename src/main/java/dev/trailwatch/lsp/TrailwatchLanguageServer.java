package dev.trailwatch.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The protocol's side of the server: capabilities, document notifications, hovers and code
 * actions. Initialization options: {@code strict} (boolean, as {@code --strict}) and
 * {@code debounceMs} (the pause after a keystroke before the buffer is analysed; default 50).
 */
final class TrailwatchLanguageServer implements LanguageServer, LanguageClientAware {
    static final long DEFAULT_DEBOUNCE_MILLIS = 50;

    private final QuickFixes fixes;
    private final Runnable onExit;
    private volatile LanguageClient client;
    private volatile Workspace workspace;
    private volatile CodeActions codeActions;
    private volatile boolean shutdownRequested;

    TrailwatchLanguageServer(QuickFixes fixes, Runnable onExit) {
        this.fixes = fixes;
        this.onExit = onExit;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    boolean shutdownRequested() {
        return shutdownRequested;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        JsonObject options = params.getInitializationOptions() instanceof JsonObject o ? o : new JsonObject();
        boolean strict = bool(options.get("strict"));
        long debounce = options.has("debounceMs") && options.get("debounceMs").isJsonPrimitive()
                ? Math.max(0, options.get("debounceMs").getAsLong()) : DEFAULT_DEBOUNCE_MILLIS;
        ProjectSettings settings = new ProjectSettings(root(params), strict, Runtime.getRuntime().availableProcessors(),
                defect -> client.logMessage(new MessageParams(MessageType.Error, "trailwatch: internal error: " + defect)));
        workspace = new Workspace(settings, debounce, diagnostics -> client.publishDiagnostics(diagnostics),
                message -> client.showMessage(new MessageParams(MessageType.Warning, "trailwatch: " + message)));
        codeActions = new CodeActions(workspace, fixes);
        // An editor killed outright may leave the pipe open: the server ends with its client's process.
        if (params.getProcessId() != null) {
            ProcessHandle.of(params.getProcessId()).ifPresent(editor -> editor.onExit().thenRun(onExit));
        }

        ServerCapabilities capabilities = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(true));
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities,
                new ServerInfo("trailwatch", dev.trailwatch.Version.VALUE)));
    }

    private static boolean bool(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
    }

    /** The workspace's folder: the first workspace folder, else the root URI, else the working directory. */
    @SuppressWarnings("deprecation") // rootUri: older clients send only it
    private static Path root(InitializeParams params) {
        String uri = params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()
                ? params.getWorkspaceFolders().get(0).getUri() : params.getRootUri();
        if (uri != null) {
            try {
                return Path.of(URI.create(uri));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // not a file URI: fall back to where the server runs
            }
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        if (workspace != null) {
            workspace.close();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return new Documents();
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                // settings come with initialize and from the project file, which is read again when it changes
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                for (FileEvent event : params.getChanges()) {
                    workspace.changedOnDisk(event.getUri());
                }
            }
        };
    }

    private final class Documents implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            workspace.opened(params.getTextDocument().getUri(), params.getTextDocument().getText(),
                    params.getTextDocument().getVersion());
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            // Full synchronisation: the last change holds the whole text.
            var changes = params.getContentChanges();
            if (!changes.isEmpty()) {
                workspace.changed(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText(),
                        params.getTextDocument().getVersion());
            }
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            workspace.saved(params.getTextDocument().getUri(), params.getText());
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            workspace.closed(params.getTextDocument().getUri());
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            Path file = Workspace.path(params.getTextDocument().getUri());
            Range at = new Range(params.getPosition(), params.getPosition());
            var here = workspace.findings(file).stream()
                    .filter(f -> Diagnostics.overlaps(f.location().range(), at)).toList();
            return CompletableFuture.completedFuture(here.isEmpty() ? null
                    : new Hover(new MarkupContent(MarkupKind.MARKDOWN, Explanations.markdown(here))));
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            Path file = Workspace.path(params.getTextDocument().getUri());
            List<Either<Command, CodeAction>> actions = codeActions.actions(file, params.getRange()).stream()
                    .map(Either::<Command, CodeAction>forRight).toList();
            return CompletableFuture.completedFuture(actions);
        }
    }
}
