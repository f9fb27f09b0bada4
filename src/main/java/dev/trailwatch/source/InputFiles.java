package dev.trailwatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one path by which trailwatch reads a file or standard input: never more than a size limit
 * (a file over it, or an endless one such as {@code /dev/zero}, is an error naming the limit),
 * and never a device other than {@code /dev/null}. A named pipe is read only when something writes to it (process
 * substitution, {@code <(…)}); one with no writer is an error after a short wait, not a hang.
 */
public final class InputFiles {
    /** The limit of a project file ({@code .trailwatch.yml} or {@code --config}). */
    public static final Limit PROJECT_FILE = new Limit(1024L * 1024, "the limit for project files");
    /** The limit of a baseline ({@code --baseline}). */
    public static final Limit BASELINE = new Limit(64L * 1024 * 1024, "the limit for baselines");
    /** How long to wait for a named pipe's writer. */
    static final long PIPE_OPEN_MILLIS = 2000;

    /** A size limit and the name the user knows it by (an option, or a fixed limit's description). */
    public record Limit(long bytes, String name) {
        public static Limit option(long bytes) {
            return new Limit(bytes, "--max-file-size");
        }
    }

    private InputFiles() {}

    /** A file's bytes, at most {@code limit} of them. */
    public static byte[] read(Path path, Limit limit) throws InputException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputException(reason(e));
        }
        if (attributes.isDirectory()) {
            throw new InputException("is a folder, not a file; not read");
        }
        if (attributes.isRegularFile()) {
            if (attributes.size() > limit.bytes()) {
                throw new InputException("file is " + attributes.size() + " bytes, over the size limit of "
                        + limit.bytes() + " bytes (" + limit.name() + "); not read");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return bounded(in, limit, "file");
            } catch (IOException e) {
                throw new InputException(reason(e));
            }
        }
        if (isDevNull(path)) {
            return new byte[0]; // --config /dev/null: deliberately nothing
        }
        if (!isNamedPipe(path)) {
            throw new InputException("not a regular file; not read");
        }
        try (InputStream in = openPipe(path)) {
            return bounded(in, limit, "named pipe");
        } catch (IOException e) {
            throw new InputException(reason(e));
        }
    }

    /** Standard input, at most {@code limit} bytes of it. */
    public static byte[] read(InputStream stdin, Limit limit) throws InputException {
        try {
            return bounded(stdin, limit, "standard input");
        } catch (IOException e) {
            throw new InputException(reason(e));
        }
    }

    private static byte[] bounded(InputStream in, Limit limit, String what) throws IOException, InputException {
        int cap = (int) Math.min(limit.bytes(), Integer.MAX_VALUE - 16);
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length == cap && in.read() != -1) {
            throw new InputException(what + " is over the size limit of " + limit.bytes() + " bytes ("
                    + limit.name() + "); not read");
        }
        return bytes;
    }

    private static boolean isDevNull(Path path) {
        try {
            return Files.isSameFile(path, Path.of("/dev/null"));
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean isNamedPipe(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Opening a named pipe waits for a writer. Opened on a helper thread: when no writer comes,
     * the pipe is opened for writing here, which releases the helper, and the pipe is reported.
     */
    private static InputStream openPipe(Path path) throws IOException, InputException {
        FutureTask<InputStream> open = new FutureTask<>(() -> Files.newInputStream(path));
        Thread opener = new Thread(open, "trailwatch-pipe-open");
        opener.setDaemon(true);
        opener.start();
        try {
            return open.get(PIPE_OPEN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            try (OutputStream release = Files.newOutputStream(path)) {
                release.flush();
            }
            try {
                open.get().close();
            } catch (ExecutionException | InterruptedException ignored) {
                // the helper is released either way
            }
            throw new InputException("a named pipe with nothing writing to it; not read");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while waiting for a named pipe");
        }
    }

    /** Why a file could not be read, in words (Java's messages are often only the path). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        String message = e.getMessage();
        return "cannot be read: " + (message == null ? e.getClass().getSimpleName() : message);
    }
}
