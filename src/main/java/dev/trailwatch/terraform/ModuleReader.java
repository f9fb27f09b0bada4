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
 * Reads folders of Terraform files into {@link Module}s, each folder once however many
 * configurations call it. A file that cannot be parsed is recorded as an error of its module and
 * the rest of the module is still read.
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
    public ModuleReader(DisplayPaths paths, long maxFileSize, Map<Path, SourceFile> overrides) {
        this.paths = paths;
        this.maxFileSize = maxFileSize;
        this.overrides = overrides;
    }

    public DisplayPaths paths() {
        return paths;
    }

    /** The module in a folder, read on first use. */
    public Module read(Path dir) {
        return modules.computeIfAbsent(dir.toAbsolutePath().normalize(), this::load);
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
            return module;
        }
        java.util.Set<Path> all = new java.util.TreeSet<>(files);
        for (Path override : overrides.keySet()) {
            if (dir.equals(override.getParent())) {
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
