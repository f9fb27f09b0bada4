package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module source that no file system can name (a NUL in it) is a module not found, never a crash of the scan. */
class ModuleSourceTest {
    @Test
    void aSourceWithANulCharacterCallsNothing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("calls.tf"), "module \"m\" {\n  source = \"./lo\u0000gs\"\n}\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("trail.tf"), "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n",
                StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("scan", "-q", dir.resolve("trail.tf").toString());
        assertTrue(run.out().contains("trail.tf:1:1: error TW001 aws_cloudtrail.t is not integrated"), run.out() + run.err());
        assertTrue(!run.err().contains("Nul character"), run.err());
        assertTrue(run.exitCode() == ExitCodes.FINDINGS || run.exitCode() == ExitCodes.ERROR, run.err());
        assertEquals(-1, run.err().indexOf("Exception"), run.err());
    }
}
