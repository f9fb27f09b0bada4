package dev.trailwatch.scan;

import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.Glob;
import dev.trailwatch.source.InputError;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the files to scan under the paths the user named. Named files are always taken (their
 * content decides what they are); in folders only the extensions trailwatch reads are.
 */
public final class FileCollector {
    private static final Set<String> DEFAULT_EXCLUDED_DIRS = Set.of(".git", ".terraform", "node_modules");
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml", ".template", ".tf", ".tfvars");

    /** A file to scan and the name to show for it. */
    public record Candidate(Path path, String displayPath) {
        // equals and hashCode written out, as Position's (start-up).
        @Override
        public boolean equals(Object other) {
            return other instanceof Candidate that && Objects.equals(path, that.path)
                    && Objects.equals(displayPath, that.displayPath);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(path) + Objects.hashCode(displayPath);
        }
    }

    public record Collected(List<Candidate> files, List<InputError> errors) {}

    private final Path workingDirectory;
    private final DisplayPaths paths;

    /** Excluded paths: a glob matched against paths relative to its base folder. */
    private record Exclusion(Path base, Glob glob) {}

    private final List<Exclusion> exclusions = new ArrayList<>();

    /** Excluding the globs relative to the working directory (the command line's --exclude). */
    public FileCollector(DisplayPaths paths, List<String> excludeGlobs) {
        this.paths = paths;
        this.workingDirectory = paths.workingDirectory();
        exclude(workingDirectory, excludeGlobs);
    }

    /**
     * Also excludes these globs, relative to a folder (the project file's `exclude`, relative to
     * it). A glob matches at any depth below the folder; the globs were checked when they were
     * read ({@link Glob#check}), so an invalid one here is a defect.
     */
    public FileCollector exclude(Path base, List<String> globs) {
        Path absolute = base.toAbsolutePath().normalize();
        for (String glob : globs) {
            try {
                exclusions.add(new Exclusion(absolute, Glob.compile(glob, true)));
            } catch (Glob.InvalidGlobException e) {
                throw new IllegalArgumentException("invalid glob '" + glob + "': " + e.getMessage(), e);
            }
        }
        return this;
    }

    public Collected collect(List<String> paths) {
        Set<Candidate> files = new LinkedHashSet<>();
        List<InputError> errors = new ArrayList<>();
        for (String name : paths) {
            Path path = workingDirectory.resolve(name).normalize();
            if (Files.isDirectory(path)) {
                walk(path, files, errors);
            } else if (Files.isRegularFile(path)) {
                // Excluded even when named: pre-commit names every changed file, excluded ones too.
                if (!isExcluded(path)) {
                    files.add(new Candidate(path, displayPath(path)));
                }
            } else if (Files.exists(path)) {
                // A device or a pipe could be endless: never read.
                errors.add(new InputError(name, null, "not a regular file; not read"));
            } else {
                errors.add(new InputError(name, null, Files.isSymbolicLink(path)
                        ? "broken symbolic link" : "no such file or directory"));
            }
        }
        List<Candidate> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        return new Collected(sorted, errors);
    }

    private void walk(Path root, Set<Candidate> files, List<InputError> errors) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            Path fileName = dir.getFileName();
                            if (!dir.equals(root) && fileName != null
                                    && (DEFAULT_EXCLUDED_DIRS.contains(fileName.toString()) || isExcluded(dir))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && hasScannedExtension(file) && !isExcluded(file)) {
                                files.add(new Candidate(file, displayPath(file)));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String message = e instanceof FileSystemLoopException
                                    ? "symbolic link loop; not followed"
                                    : "cannot be read: " + e.getClass().getSimpleName();
                            if (!(e instanceof FileSystemLoopException) && !hasScannedExtension(file)
                                    && !Files.isDirectory(file)) {
                                return FileVisitResult.CONTINUE; // a file trailwatch would not read anyway
                            }
                            errors.add(new InputError(displayPath(file), null, message));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            errors.add(new InputError(displayPath(root), null, "cannot be read: " + e.getMessage()));
        }
    }

    /** Whether a path is excluded (also used to ignore module calls made from excluded folders). */
    public boolean isExcluded(Path path) {
        if (exclusions.isEmpty()) {
            return false; // the usual case, asked for every file walked
        }
        Path absolute = path.toAbsolutePath().normalize();
        for (Exclusion exclusion : exclusions) {
            // Outside the base folder, the path as a whole: a **/ glob still matches it.
            Path relative = absolute.startsWith(exclusion.base()) ? exclusion.base().relativize(absolute) : absolute;
            if (exclusion.glob().matches(relative)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasScannedExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    String displayPath(Path path) {
        return paths.show(path);
    }
}
