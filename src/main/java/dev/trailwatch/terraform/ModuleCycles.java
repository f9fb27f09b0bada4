package dev.trailwatch.terraform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Module folders compared by their real paths, symbolic links resolved, so that a cycle through
 * a link ({@code source = "./l1"} where {@code l1} links to {@code .}) is found at the call.
 */
final class ModuleCycles {
    private ModuleCycles() {}

    /** The folder with every symbolic link resolved; the folder itself when that fails. */
    static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException | SecurityException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /** The folder a local source names from {@code from}; null when no folder can have that name (a NUL in it). */
    static Path localFolder(Path from, String source) {
        try {
            return from.resolve(source).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The root configuration's folder, by both its names. */
    static Set<Path> rootChain(Path root) {
        Path real = realPath(root);
        return real.equals(root) ? Set.of(root) : Set.of(root, real);
    }

    /** How a call reached a folder through a symbolic link, for the message; empty when it did not. */
    static String through(Path dir, Path real, String shownReal) {
        return real.equals(dir.toAbsolutePath().normalize()) ? "" : " (" + shownReal + ", through a symbolic link)";
    }
}
