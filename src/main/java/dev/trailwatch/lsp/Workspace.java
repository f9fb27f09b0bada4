package dev.trailwatch.lsp;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * The open documents and what was published for every file. Analyses run one at a time on one
 * thread, a change's after a short pause (the debounce) so that typing does not queue scans.
 * A Terraform buffer is analysed with its folder and the configurations that call it, the buffer
 * standing in for the file on disk; the diagnostics of every file whose findings changed are
 * published again, open or not, and those that vanished are cleared.
 */
final class Workspace implements AutoCloseable {
    /** An open document's latest text. */
    record Buffer(String uri, String text, int version) {}

    private final ProjectSettings settings;
    private final long debounceMillis;
    private final Consumer<PublishDiagnosticsParams> publisher;
    private final Consumer<String> problems;
    private final Map<Path, Buffer> open = new ConcurrentHashMap<>();
    private final Map<Path, List<Diagnostic>> published = new ConcurrentHashMap<>();
    private final Map<Path, List<Finding>> findings = new ConcurrentHashMap<>();
    /** The files each analysed unit (a Terraform folder, or another file) published diagnostics to. */
    private final Map<Path, Set<Path>> unitFiles = new ConcurrentHashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Set<String> toldProblems = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService analyses = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trailwatch-lsp-analysis");
        thread.setDaemon(true);
        return thread;
    });

    Workspace(ProjectSettings settings, long debounceMillis, Consumer<PublishDiagnosticsParams> publisher,
            Consumer<String> problems) {
        this.settings = settings;
        this.debounceMillis = debounceMillis;
        this.publisher = publisher;
        this.problems = problems;
    }

    /** The file a document is, or null for a document that is no file (an untitled buffer, a diff view). */
    static Path path(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equalsIgnoreCase(parsed.getScheme()) ? Path.of(parsed).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void opened(String uri, String text, int version) {
        Path path = path(uri);
        if (path == null) {
            return;
        }
        open.put(path, new Buffer(uri, text, version));
        schedule(path, 0, false);
    }

    void changed(String uri, String text, int version) {
        Path path = path(uri);
        if (path == null) {
            return;
        }
        open.put(path, new Buffer(uri, text, version));
        schedule(path, debounceMillis, false);
    }

    /** A save: the file on disk now holds the buffer, so a variables file's folder is evaluated again. */
    void saved(String uri, String text) {
        Path path = path(uri);
        if (path == null) {
            return;
        }
        Buffer buffer = open.get(path);
        if (text != null && buffer != null) {
            open.put(path, new Buffer(buffer.uri(), text, buffer.version()));
        }
        schedule(path, 0, true);
    }

    void closed(String uri) {
        Path path = path(uri);
        if (path == null) {
            return;
        }
        open.remove(path);
        ScheduledFuture<?> waiting = pending.remove(path);
        if (waiting != null) {
            waiting.cancel(false);
        }
        analyses.execute(() -> {
            findings.remove(path);
            if (published.remove(path) != null) {
                publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
            }
            unitFiles.values().forEach(files -> files.remove(path));
        });
    }

    /** A file changed on disk (the client watches them): its folder or the file is analysed again. */
    void changedOnDisk(String uri) {
        Path path = path(uri);
        if (path == null) {
            return;
        }
        if (!open.containsKey(path)) {
            schedule(path, debounceMillis, true);
        }
    }

    /** The findings last published for a file, for hovers and code actions. */
    List<Finding> findings(Path file) {
        return file == null ? List.of() : findings.getOrDefault(file, List.of());
    }

    /** The text of a file as the user sees it: the open buffer, else the file on disk (null when unreadable). */
    SourceFile text(Path file) {
        Buffer buffer = open.get(file);
        if (buffer != null) {
            return new SourceFile(file, settings.paths().show(file), buffer.text());
        }
        try {
            return SourceFile.decode(file, settings.paths().show(file), SourceFile.readBytes(file, Long.MAX_VALUE));
        } catch (InputException e) {
            return null;
        }
    }

    private void schedule(Path path, long delayMillis, boolean saved) {
        ScheduledFuture<?> next = analyses.schedule(() -> {
            pending.remove(path);
            analyse(path, saved);
        }, delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(path, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void analyse(Path path, boolean saved) {
        try {
            ProjectSettings.Project project = settings.forDocument(path);
            if (project.problem() != null && toldProblems.add(project.problem())) {
                problems.accept(project.problem());
            }
            Buffer buffer = open.get(path);
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean terraform = name.endsWith(".tf") || name.endsWith(".tf.json");
            boolean variables = name.endsWith(".tfvars") || name.endsWith(".tfvars.json");
            if (buffer != null) {
                SourceFile text = new SourceFile(path, settings.paths().show(path), buffer.text());
                ScanResult result = project.scanner().scan(text, List.of(), List.of());
                publish(terraform || variables ? path.getParent() : path, path, result);
            }
            if (variables && saved || buffer == null && (terraform || variables)) {
                analyseFolder(project, path.getParent(), path);
            } else if (buffer == null) {
                analyseFromDisk(project, path);
            }
        } catch (RuntimeException e) {
            problems.accept("internal error while analysing " + path + ": " + e);
        }
    }

    /** A Terraform folder whose variables or files changed on disk: through an open buffer of it if there is one. */
    private void analyseFolder(ProjectSettings.Project project, Path folder, Path changed) {
        for (Map.Entry<Path, Buffer> entry : open.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            if (folder.equals(entry.getKey().getParent()) && (name.endsWith(".tf") || name.endsWith(".tf.json"))) {
                SourceFile text = new SourceFile(entry.getKey(), settings.paths().show(entry.getKey()),
                        entry.getValue().text());
                publish(folder, entry.getKey(), project.scanner().scan(text, List.of(), List.of()));
                return;
            }
        }
        List<FileCollector.Candidate> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".tf") || name.endsWith(".tf.json");
            }).sorted().forEach(p -> files.add(new FileCollector.Candidate(p, settings.paths().show(p))));
        } catch (IOException e) {
            return; // the folder is gone: nothing to say about it
        }
        if (!files.isEmpty()) {
            publish(folder, changed, project.scanner().scan(files, List.of()));
        }
    }

    private void analyseFromDisk(ProjectSettings.Project project, Path file) {
        if (Files.isRegularFile(file)) {
            publish(file, file, project.scanner().scan(
                    List.of(new FileCollector.Candidate(file, settings.paths().show(file))), List.of()));
        } else if (published.containsKey(file)) { // deleted: what was said about it no longer holds
            findings.remove(file);
            send(file, List.of(), false);
        }
    }

    /**
     * Publishes a unit's result. When the document analysed does not parse, it shows its errors
     * alone and every other file keeps its last good diagnostics.
     */
    private void publish(Path unit, Path document, ScanResult result) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        Map<Path, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
        boolean documentBroken = false;
        for (InputError error : result.errors()) {
            Path file = fileOf(error.file());
            if (file == null || !Files.isRegularFile(file) && !open.containsKey(file)) {
                file = document; // about a folder or a configuration: shown where the user is
            }
            documentBroken |= file.equals(document) && error.position() != null;
            diagnostics.computeIfAbsent(file, f -> new ArrayList<>()).add(Diagnostics.of(error));
        }
        if (documentBroken) {
            List<Diagnostic> errors = diagnostics.get(document);
            findings.put(document, List.of());
            send(document, errors, true);
            return;
        }
        for (Finding finding : result.reported()) {
            Path file = fileOf(finding.location().file());
            if (file != null) {
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(finding);
                diagnostics.computeIfAbsent(file, f -> new ArrayList<>()).add(Diagnostics.of(finding, this::uriOfShown));
            }
        }
        Set<Path> files = new LinkedHashSet<>(diagnostics.keySet());
        files.add(document);
        Set<Path> before = unitFiles.put(unit, ConcurrentHashMap.newKeySet());
        unitFiles.get(unit).addAll(files);
        Set<Path> touched = new HashSet<>(files);
        if (before != null) {
            touched.addAll(before);
        }
        for (Path file : touched) {
            findings.put(file, List.copyOf(byFile.getOrDefault(file, List.of())));
            send(file, diagnostics.getOrDefault(file, List.of()), file.equals(document));
        }
    }

    /** Publishes a file's diagnostics when they changed, and the analysed document's always (its version moved). */
    private void send(Path file, List<Diagnostic> diagnostics, boolean always) {
        List<Diagnostic> previous = published.put(file, List.copyOf(diagnostics));
        if (!always && Objects.equals(previous == null ? List.of() : previous, diagnostics)) {
            return;
        }
        Buffer buffer = open.get(file);
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(uriOf(file), diagnostics);
        if (buffer != null) {
            params.setVersion(buffer.version());
        }
        publisher.accept(params);
    }

    private Path fileOf(String shown) {
        if (shown == null || shown.isEmpty() || shown.startsWith("<")) {
            return null;
        }
        try {
            return settings.paths().workingDirectory().resolve(shown).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The URI of a file named as reports show it. */
    String uriOfShown(String shown) {
        Path file = fileOf(shown);
        return file == null ? shown : uriOf(file);
    }

    /** The URI the client opened a file by, else the file's own. */
    String uriOf(Path file) {
        Buffer buffer = open.get(file);
        return buffer != null ? buffer.uri() : file.toUri().toString();
    }

    @Override
    public void close() {
        analyses.shutdownNow();
    }
}
