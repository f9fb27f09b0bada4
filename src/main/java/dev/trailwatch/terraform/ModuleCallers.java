package dev.trailwatch.terraform;

import dev.trailwatch.terraform.hcl.HclTokens;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which folders call which as local modules, found by looking through the .tf files up to the git
 * root (or the working directory), so that a folder is analysed through the configurations that
 * call it, whichever of its files were named. The calls are found in the lexer's tokens (a call
 * in a comment or a string is none), and only in files whose text mentions a local source; only
 * the folders involved are parsed.
 */
public final class ModuleCallers {
    private static final Pattern LOCAL_SOURCE_JSON = Pattern.compile("\"source\"\\s*:\\s*\"(\\.{1,2}/[^\"]*)\"");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".terraform", "node_modules");

    private final Path workingDirectory;
    private final Predicate<Path> excluded;
    private final Map<Path, Map<Path, Set<Path>>> callersByBase = new HashMap<>();

    /** {@code excluded}: paths whose calls do not count (the user's --exclude and project excludes). */
    public ModuleCallers(Path workingDirectory, Predicate<Path> excluded) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.excluded = excluded;
    }

    /**
     * The root modules through which a folder is analysed: itself when nothing calls it, else the
     * roots of its callers.
     */
    Set<Path> rootsOf(Path folder) {
        Set<Path> roots = new LinkedHashSet<>();
        Path start = folder.toAbsolutePath().normalize();
        climb(start, new HashSet<>(), roots);
        if (roots.isEmpty()) {
            roots.add(start); // only a cycle of calls leads here: evaluate it from here, where the cycle is reported
        }
        return roots;
    }

    private void climb(Path folder, Set<Path> seen, Set<Path> roots) {
        if (!seen.add(folder)) {
            return; // a cycle: reported where the modules are instantiated
        }
        Set<Path> callers = callers(folder);
        if (callers.isEmpty()) {
            roots.add(folder);
            return;
        }
        for (Path caller : callers) {
            climb(caller, seen, roots);
        }
    }

    /** The folders whose .tf or .tf.json files call {@code folder} as a local module. */
    public Set<Path> callers(Path folder) {
        folder = folder.toAbsolutePath().normalize();
        Path base = base(folder);
        Map<Path, Set<Path>> callers = callersByBase.computeIfAbsent(base, this::index);
        return callers.getOrDefault(folder, Set.of());
    }

    /** Where to look for callers: the git root above the folder, else the working directory, else the folder. */
    private Path base(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return folder.startsWith(workingDirectory) ? workingDirectory : folder;
    }

    /** callee folder → the folders whose .tf files call it with a local source. */
    private Map<Path, Set<Path>> index(Path base) {
        Map<Path, Set<Path>> callers = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    return name != null && (SKIPPED_DIRS.contains(name.toString()) || excluded.test(dir))
                            && !dir.equals(base) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    // An empty file calls nothing: not read (a folder of 100,000 of them is read once, not twice).
                    if (attrs.isRegularFile() && attrs.size() > 0
                            && (name.endsWith(".tf") || name.endsWith(".tf.json")) && !excluded.test(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return callers;
        }
        for (Path file : files) {
            String text;
            try {
                text = dev.trailwatch.source.SourceFile.decodeUtf8(
                        dev.trailwatch.source.SourceFile.readBytes(file, 64L * 1024 * 1024));
            } catch (dev.trailwatch.source.InputException e) {
                continue; // unreadable or not UTF-8: reported when the file itself is scanned
            }
            Path caller = file.getParent().toAbsolutePath().normalize();
            for (String source : localSources(file, text)) {
                Path callee = ModuleCycles.localFolder(caller, source);
                if (callee != null && !callee.equals(caller) && ModuleReader.isModuleFolder(callee)) {
                    callers.computeIfAbsent(callee, k -> new LinkedHashSet<>()).add(caller);
                }
            }
        }
        return callers;
    }

    /** The local sources ("./…", "../…") of a file's module calls. */
    public static List<String> localSources(Path file, String text) {
        List<String> sources = new ArrayList<>();
        if (file.getFileName().toString().endsWith(".json")) {
            Matcher m = LOCAL_SOURCE_JSON.matcher(text);
            while (m.find()) {
                sources.add(m.group(1));
            }
            return sources;
        }
        if (!text.contains("source") || !text.contains("\"./") && !text.contains("\"../")) {
            return sources; // no local call: not lexed
        }
        for (String source : HclTokens.moduleSources(text)) {
            if (source.startsWith("./") || source.startsWith("../")) {
                sources.add(source);
            }
        }
        return sources;
    }
}
