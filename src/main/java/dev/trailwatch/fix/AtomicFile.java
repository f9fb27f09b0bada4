package dev.trailwatch.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file's content all at once: the new bytes go to a temporary file in the same folder,
 * are flushed to disk, get the original's permissions, and the temporary file is renamed over the
 * original. Whatever fails before the rename leaves the original as it was.
 */
final class AtomicFile {
    /** Runs just before the rename: where tests make a write fail at its last step. */
    private final Runnable beforeRename;

    AtomicFile() {
        this(() -> {});
    }

    AtomicFile(Runnable beforeRename) {
        this.beforeRename = beforeRename;
    }

    void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toRealPath(); // a symbolic link keeps pointing at the fixed file
        Path folder = target.getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".trailwatch-fix");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
            beforeRename.run();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The rename itself reaches the disk once the folder is flushed (where the platform allows it). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform opens folders; the rename is done either way.
        }
    }
}
