package dev.trailwatch.source;

import java.nio.file.Path;

/** How paths are shown to the user: relative to the working directory when under it, with forward slashes. */
public final class DisplayPaths {
    private final Path workingDirectory;

    public DisplayPaths(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
