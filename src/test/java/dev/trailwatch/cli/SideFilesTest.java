package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read besides the scanned ones (project file, baseline, variable and parameter files),
 * standard input, globs, and the files trailwatch writes: each problem is one line and exit 2.
 */
class SideFilesTest {
    private static final String TEMPLATE = "testdata/cloudformation/missing-integration.yaml";
    private static final String CLEAN = "testdata/cloudformation/integrated.yaml";

    @TempDir
    Path temp;

    @Test
    void anEndlessSideFileIsRefusedNotRead() {
        for (String option : List.of("--config", "--baseline", "--var-file", "--parameters-file")) {
            // Variable files are read for a Terraform configuration.
            Cli.Run run = Cli.run("scan", "-q", option, "/dev/zero",
                    option.equals("--var-file") ? "testdata/terraform/basic" : CLEAN);
            assertEquals(ExitCodes.ERROR, run.exitCode(), option + ": " + run.err());
            assertTrue(run.err().contains("/dev/zero") && run.err().contains("not a regular file; not read"),
                    option + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            if (!option.equals("--var-file")) { // a bad variable file is an input error beside the findings
                assertEquals("", run.out(), "no findings printed when an option's file cannot be read");
            }
        }
    }

    @Test
    void devNullIsAnEmptySideFile() {
        Cli.Run run = Cli.run("scan", "-q", "--config", "/dev/null", "--baseline", "/dev/null", TEMPLATE);
        assertEquals(ExitCodes.ERROR, run.exitCode(), "an empty baseline is not a baseline");
        assertTrue(run.err().contains("/dev/null: a baseline is {\"version\": 2"), run.err());
        Cli.Run config = Cli.run("scan", "-q", "--config", "/dev/null", TEMPLATE);
        assertEquals(ExitCodes.FINDINGS, config.exitCode(), "an empty project file changes nothing: " + config.err());
    }

    @Test
    void aNamedPipeWithNothingWritingIsAnErrorNotAHang() throws Exception {
        Path fifo = temp.resolve("values.tfvars");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        for (String option : List.of("--config", "--parameters-file")) { // each waits 2 s for a writer
            Cli.Run run = Cli.run("scan", "-q", option, fifo.toString(), CLEAN);
            assertEquals(ExitCodes.ERROR, run.exitCode(), option + ": " + run.err());
            assertEquals("trailwatch: " + fifo + ": a named pipe with nothing writing to it; not read",
                    run.err().strip(), option);
        }
    }

    @Test
    void sideFilesOverTheirLimitNameTheLimit() throws IOException {
        Path config = temp.resolve(".trailwatch.yml");
        Files.writeString(config, "# " + "x".repeat(1024 * 1024) + "\n");
        Cli.Run run = Cli.run("scan", "-q", "--config", config.toString(), CLEAN);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.err().contains("over the size limit of 1048576 bytes (the limit for project files)"),
                run.err());
        Path parameters = temp.resolve("params.json");
        Files.writeString(parameters, "[" + " ".repeat(500) + "]");
        Cli.Run params = Cli.run("scan", "-q", "--max-file-size", "100", "--parameters-file", parameters.toString(),
                CLEAN);
        assertEquals(ExitCodes.ERROR, params.exitCode());
        assertTrue(params.err().contains("over the size limit of 100 bytes (--max-file-size)"), params.err());
    }

    @Test
    void standardInputIsReadUpToTheLimit() {
        String text = "AWSTemplateFormatVersion: \"2010-09-09\"\n# " + "y\n".repeat(1000);
        Cli.Run run = Cli.runWithInput(text, "scan", "-q", "--max-file-size", "1000", "--stdin-filename", "t.yaml",
                "-");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("t.yaml: error: standard input is over the size limit of 1000 bytes (--max-file-size); not read",
                run.err().strip());
    }

    @Test
    void anInvalidGlobInTheProjectFileIsAnErrorAtItsPosition() throws IOException {
        Path config = temp.resolve(".trailwatch.yml");
        Files.writeString(config, "exclude:\n  - ok/**\n  - \"x[a-\"\n");
        Cli.Run run = Cli.run("scan", "-q", "--config", config.toString(), CLEAN);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: " + config + ":3:7: invalid glob 'x[a-': [ is not closed by ]", run.err().strip());

        Files.writeString(config, "suppressions:\n  - id: TW001\n    resource: T\n    file: {a,{b,c}}\n"
                + "    reason: r\n");
        Cli.Run nested = Cli.run("scan", "-q", "--config", config.toString(), CLEAN);
        assertEquals(ExitCodes.ERROR, nested.exitCode());
        assertTrue(nested.err().strip().startsWith("trailwatch: " + config + ":4:"), nested.err());

        Files.writeString(config, "suppressions:\n  - id: TW001\n    resource: T\n    file: a/[z-a].tf\n"
                + "    reason: r\n");
        Cli.Run range = Cli.run("scan", "-q", "--config", config.toString(), CLEAN);
        assertEquals("trailwatch: " + config + ":4:14: invalid glob 'a/[z-a].tf': range z-a is empty (its end is"
                + " before its start)", range.err().strip());
    }

    @Test
    void anInvalidExcludeOptionNamesTheOption() {
        Cli.Run run = Cli.run("scan", "-q", "--exclude", "src/[a-", CLEAN);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: --exclude 'src/[a-': invalid glob at character 5: [ is not closed by ]",
                run.err().strip());
    }

    @Test
    void aBogusFailOnInTheProjectFileNamesTheFileAndLine() throws IOException {
        Path config = temp.resolve(".trailwatch.yml");
        Files.writeString(config, "rules: {}\nfail-on: bogus\n");
        Cli.Run run = Cli.run("scan", "-q", "--config", config.toString(), CLEAN);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: " + config + ":2:10: fail-on is error, warning, note or never, not 'bogus'",
                run.err().strip());
    }

    @Test
    void theReportNeverOverwritesAnInput() throws IOException {
        Path template = temp.resolve("trail.yaml");
        Files.copy(Path.of(TEMPLATE), template);
        byte[] before = Files.readAllBytes(template);
        Cli.Run run = Cli.run("scan", "-q", "-o", template.toString(), temp.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: -o names " + template + ", an input of this scan; not overwritten",
                run.err().strip());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(template));

        Path tf = temp.resolve("main.tf");
        Files.writeString(tf, "# nothing\n");
        Cli.Run baseline = Cli.run("scan", "-q", "--write-baseline", tf.toString(), tf.toString());
        assertEquals(ExitCodes.ERROR, baseline.exitCode());
        assertEquals("# nothing\n", Files.readString(tf));

        Path config = temp.resolve("project.yml");
        Files.writeString(config, "fail-on: never\n");
        Cli.Run side = Cli.run("scan", "-q", "--config", config.toString(), "-o", config.toString(), CLEAN);
        assertEquals(ExitCodes.ERROR, side.exitCode());
        assertEquals("trailwatch: -o names " + config + ", which this scan reads; not overwritten", side.err().strip());
        assertEquals("fail-on: never\n", Files.readString(config));
    }

    @Test
    void aPreviousReportInTheScannedTreeMayBeReplaced() throws IOException {
        Files.copy(Path.of(TEMPLATE), temp.resolve("trail.yaml"));
        Path report = temp.resolve("report.json");
        Files.writeString(report, "{\"findings\": []}");
        Cli.Run run = Cli.run("scan", "-q", "-f", "json", "-o", report.toString(), temp.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertTrue(Files.readString(report).contains("\"TW001\""));
    }

    @Test
    void theBaselineMayBeRewrittenInPlace() throws IOException {
        Path baseline = temp.resolve("baseline.json");
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", "--write-baseline", baseline.toString(), TEMPLATE)
                .exitCode());
        Cli.Run again = Cli.run("scan", "-q", "--baseline", baseline.toString(), "--write-baseline",
                baseline.toString(), TEMPLATE);
        assertEquals(ExitCodes.CLEAN, again.exitCode(), again.err());
    }

    @Test
    void aReportIntoAMissingFolderSaysWhy() {
        Path missing = temp.resolve("no/such/report.txt");
        Cli.Run run = Cli.run("scan", "-q", "-o", missing.toString(), TEMPLATE);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: cannot write the report to " + missing + ": the folder " + missing.getParent()
                + " does not exist", run.err().strip());
    }

    @Test
    void aCrashIsOneLineAndExitTwoNeverOne() {
        for (Error crash : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError())) {
            Run run = runWithBrokenInput(crash, false);
            assertEquals(ExitCodes.ERROR, run.code(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("trailwatch: error: "), run.err());
        }
        Run internal = runWithBrokenInput(new IllegalStateException("boom"), false);
        assertEquals(ExitCodes.ERROR, internal.code());
        assertEquals("trailwatch: internal error: java.lang.IllegalStateException: boom (run with --debug for the"
                + " stack trace)", internal.err().strip());
        Run debug = runWithBrokenInput(new IllegalStateException("boom"), true);
        assertEquals(ExitCodes.ERROR, debug.code());
        assertTrue(debug.err().contains("\tat dev.trailwatch."), debug.err());
    }

    private record Run(int code, String err) {}

    /** Standard input that fails as a defect would, wherever it is read. */
    private static Run runWithBrokenInput(Throwable crash, boolean debug) {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw sneaky(crash);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw sneaky(crash);
            }
        };
        StringWriter err = new StringWriter();
        String[] args = debug ? new String[] {"scan", "-q", "--debug", "-"} : new String[] {"scan", "-q", "-"};
        int code = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), broken);
        assertFalse(err.toString().isEmpty());
        return new Run(code, err.toString());
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }
}
