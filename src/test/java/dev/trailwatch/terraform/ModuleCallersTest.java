package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which configurations a module folder is analysed through: only real module calls count. */
class ModuleCallersTest {
    @TempDir
    Path repo;
    private Path lib;

    @BeforeEach
    void aRepositoryWithALibraryModule() throws IOException {
        Files.createDirectory(repo.resolve(".git"));
        lib = Files.createDirectories(repo.resolve("lib"));
        Files.writeString(lib.resolve("main.tf"), "variable \"x\" {}\n");
    }

    private Set<Path> rootsOfLib(String callerText) throws IOException {
        Path caller = Files.createDirectories(repo.resolve("root"));
        Files.writeString(caller.resolve("main.tf"), callerText);
        return new ModuleCallers(repo, p -> false).rootsOf(lib);
    }

    private Path root() {
        return repo.resolve("root").toAbsolutePath().normalize();
    }

    private Path libFolder() {
        return lib.toAbsolutePath().normalize();
    }

    @Test
    void aModuleBlockWithALocalSourceCalls() throws IOException {
        assertEquals(Set.of(root()), rootsOfLib("module \"lib\" {\n  source = \"../lib\" // the library\n}\n"));
    }

    @Test
    void aOneLineModuleBlockCalls() throws IOException {
        assertEquals(Set.of(root()), rootsOfLib("module lib { source = \"../lib\" }\n"));
    }

    @Test
    void aCallInsideABlockCommentDoesNotCount() throws IOException {
        assertEquals(Set.of(libFolder()), rootsOfLib("/*\nmodule \"lib\" {\n  source = \"../lib\"\n}\n*/\n"));
    }

    @Test
    void aCallWrittenInAHeredocDoesNotCount() throws IOException {
        assertEquals(Set.of(libFolder()), rootsOfLib(
                "locals {\n  example = <<EOT\nmodule \"lib\" {\n  source = \"../lib\"\n}\nEOT\n}\n"));
    }

    @Test
    void aSourceArgumentOfAnotherBlockIsNotACall() throws IOException {
        assertEquals(Set.of(libFolder()), rootsOfLib(
                "resource \"aws_s3_object\" \"o\" {\n  source = \"../lib\"\n}\n"));
    }

    @Test
    void aSourceInsideANestedBlockOfAModuleIsNotTheModulesSource() throws IOException {
        assertEquals(Set.of(libFolder()), rootsOfLib(
                "module \"m\" {\n  source = \"git::https://example.com/m\"\n  x = {\n    source = \"../lib\"\n  }\n}\n"));
    }

    @Test
    void aCallInABrokenFileStillCounts() throws IOException {
        // The caller's syntax error is reported when the module is analysed through it.
        assertEquals(Set.of(root()), rootsOfLib("module \"lib\" {\n  source = \"../lib\"\n}\nresource {{{\n"));
    }
}
