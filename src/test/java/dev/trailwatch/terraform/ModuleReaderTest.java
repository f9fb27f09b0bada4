package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trailwatch.source.DisplayPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules are kept while a configuration that read them is loading, then dropped; summaries stay. */
class ModuleReaderTest {
    @TempDir
    Path dir;

    private ModuleReader reader() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        Files.writeString(dir.resolve("broken.tf"), "resource {\n");
        return new ModuleReader(new DisplayPaths(dir), 1 << 20);
    }

    @Test
    void aModuleReadByAConfigurationIsDroppedWhenItsSessionCloses() throws IOException {
        ModuleReader reader = reader();
        Module first;
        try (ModuleReader.Session session = reader.session()) {
            first = reader.read(dir);
            assertSame(first, reader.read(dir), "read once while the configuration loads");
        }
        assertNotSame(first, reader.read(dir), "read again once dropped");
    }

    @Test
    void aModuleStaysWhileAnotherSessionStillUsesIt() throws Exception {
        ModuleReader reader = reader();
        Module held;
        try (ModuleReader.Session outer = reader.session()) {
            held = reader.read(dir);
            Thread other = new Thread(() -> {
                try (ModuleReader.Session inner = reader.session()) {
                    reader.read(dir);
                }
            });
            other.start();
            other.join();
            assertSame(held, reader.read(dir));
        }
    }

    @Test
    void aDroppedModulesFileCountAndErrorsAreStillKnown() throws IOException {
        ModuleReader reader = reader();
        try (ModuleReader.Session session = reader.session()) {
            reader.read(dir);
        }
        Files.delete(dir.resolve("broken.tf")); // the summary answers without reading the folder again
        ModuleReader.Summary summary = reader.summary(dir);
        assertEquals(2, summary.fileCount());
        assertEquals(List.of("broken.tf:1:10"), summary.errors().stream()
                .map(e -> e.file() + ":" + e.position().line() + ":" + e.position().column()).toList());
    }
}
