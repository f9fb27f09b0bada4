package dev.trailwatch.terraform;

import dev.trailwatch.source.Comment;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.HclJson;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads folders of Terraform files into {@link Module}s. A file that cannot be parsed is recorded
 * as an error of its module and the rest of the module is still read.
 *
 * <p>A module is kept while a configuration that read it is being evaluated (see {@link #session()}),
 * so that memory follows the configurations in progress, not the whole scan: once the last
 * session that read a folder ends, its files, trees and comments are dropped, and only what
 * {@link #summary} answers is kept. A configuration read later that calls the same folder reads it again.
 */
public final class ModuleReader {
    private final DisplayPaths paths;
    private final long maxFileSize;
    private final Map<Path, Module> modules = new ConcurrentHashMap<>();
    private final Map<Path, SourceFile> overrides;
    /** The comments of each native-syntax file read, kept for inline suppressions. */
    private final Map<SourceFile, List<Comment>> comments = new ConcurrentHashMap<>();

    public ModuleReader(DisplayPaths paths, long maxFileSize) {
        this(paths, maxFileSize, Map.of());
    }

    /**
     * With {@code overrides}, files whose text comes from elsewhere than the disk (an editor's
     * unsaved buffer, read from standard input), by absolute path.
     */
    /** A file's unsaved text (an editor's buffer), or null when the scan reads it from disk. */
    SourceFile override(Path path) {
        return overrides.get(path.toAbsolutePath().normalize());
    }

    public ModuleReader(DisplayPaths paths, long maxFileSize, Map<Path, SourceFile> overrides) {
        this.paths = paths;
        this.maxFileSize = maxFileSize;
        this.overrides = overrides;
    }

    public DisplayPaths paths() {
        return paths;
    }

    /** How many files a folder has (those that could not be read included) and its files' errors. */
    public record Summary(int fileCount, List<InputError> errors) {}

    private final Map<Path, Summary> summaries = new ConcurrentHashMap<>();
    /** Folders in use, with how many open sessions read them. */
    private final Map<Path, Integer> users = new java.util.HashMap<>();
    private final ThreadLocal<Session> current = new ThreadLocal<>();

    /** The module in a folder, read on first use (and again after it was dropped). */
    public Module read(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        Session session = current.get();
        if (session != null && session.folders.add(folder)) {
            synchronized (users) {
                users.merge(folder, 1, Integer::sum);
            }
        }
        return modules.computeIfAbsent(folder, this::load);
    }

    /** A folder's file count and errors, kept after its module is dropped. */
    public Summary summary(Path dir) {
        Summary summary = summaries.get(dir.toAbsolutePath().normalize());
        if (summary != null) {
            return summary;
        }
        Module module = read(dir);
        return new Summary(module.files().size() + module.errors().size(), module.errors());
    }

    /**
     * Starts the evaluation of one configuration on this thread: the folders it reads are kept until
     * {@link Session#close()}, then dropped unless another open session read them too.
     */
    public Session session() {
        Session session = new Session();
        current.set(session);
        return session;
    }

    /** The folders one configuration read; closing it ends their use by that configuration. */
    public final class Session implements AutoCloseable {
        private final java.util.Set<Path> folders = new java.util.HashSet<>();

        private Session() {}

        @Override
        public void close() {
            current.remove();
            synchronized (users) {
                for (Path folder : folders) {
                    if (users.merge(folder, -1, Integer::sum) == 0) {
                        users.remove(folder);
                        Module module = modules.remove(folder);
                        if (module != null) {
                            module.files().forEach(comments::remove);
                        }
                    }
                }
            }
        }
    }

    /** Whether a folder holds any .tf or .tf.json file. */
    public static boolean isModuleFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(ModuleReader::isConfigurationFile);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isConfigurationFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".tf") || name.endsWith(".tf.json")) && Files.isRegularFile(file);
    }

    private Module load(Path dir) {
        Module module = new Module(dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(ModuleReader::isConfigurationFile).sorted().toList();
        } catch (IOException e) {
            module.errors.add(new InputError(paths.show(dir), null, "cannot be read: " + e.getMessage()));
            summaries.put(dir, new Summary(module.errors().size(), List.copyOf(module.errors())));
            return module;
        }
        java.util.Set<Path> all = new java.util.TreeSet<>(files);
        for (Path override : overrides.keySet()) {
            String name = override.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            // An unsaved variables file is read as variables (VariableInputs), not as the module's.
            if (dir.equals(override.getParent()) && (name.endsWith(".tf") || name.endsWith(".tf.json"))) {
                all.add(override);
            }
        }
        for (Path path : all) {
            String shown = paths.show(path);
            try {
                SourceFile file = overrides.containsKey(path) ? overrides.get(path)
                        : SourceFile.decode(path, shown, SourceFile.readBytes(path, maxFileSize));
                module.add(file, parse(file, comments));
            } catch (InputException e) {
                module.errors.add(new InputError(shown, e.position(), e.getMessage()));
            }
        }
        summaries.put(dir, new Summary(module.files().size() + module.errors().size(), List.copyOf(module.errors())));
        return module;
    }

    /** The comments of a file this reader read: none for JSON, which has no comments. */
    public List<Comment> comments(SourceFile file) {
        return comments.getOrDefault(file, List.of());
    }

    /** A native or JSON Terraform file, or variables file (.tfvars, .tfvars.json), as a body. */
    public static Body parse(SourceFile file) throws InputException {
        return parse(file, new java.util.HashMap<>());
    }

    /** As {@link #parse(SourceFile)}, keeping a native-syntax file's comments in {@code comments}. */
    private static Body parse(SourceFile file, Map<SourceFile, List<Comment>> comments) throws InputException {
        String name = file.displayPath().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tfvars.json")) {
            return HclJson.parseVariables(file.text());
        }
        if (name.endsWith(".json")) {
            return HclJson.parse(file.text());
        }
        HclSyntax.ParsedFile parsed = HclSyntax.parseFile(file.text());
        if (!parsed.comments().isEmpty()) {
            comments.put(file, parsed.comments());
        }
        return parsed.body();
    }
}
