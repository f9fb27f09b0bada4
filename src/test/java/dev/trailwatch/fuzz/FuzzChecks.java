package dev.trailwatch.fuzz;

import dev.trailwatch.cloudformation.CloudFormationYaml;
import dev.trailwatch.cli.Main;
import dev.trailwatch.cloudformation.CloudFormationInput;
import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.Glob;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.config.ProjectConfig;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The invariant every fuzz target checks: any input ends in a result or in a positioned
 * {@link InputException} (exit code 0, 1 or 2 on the command line), never another exception. A
 * stack overflow counts as an end here only where the scanner itself turns it into an error
 * (its workers have deep stacks; the fuzzer's thread does not).
 */
final class FuzzChecks {
    private static final Set<String> RULES = Set.of("TW000", "TW001", "TW002", "TW003", "TW004", "TW005", "TW100");
    private static Path scratch;

    private FuzzChecks() {}

    /** A CloudFormation template (JSON or YAML, chosen by its first character, as the scanner does). */
    static void template(byte[] bytes) {
        SourceFile file;
        try {
            file = SourceFile.decode(Path.of("fuzz.yaml"), "fuzz.yaml", bytes);
        } catch (InputException e) {
            return;
        }
        try {
            CloudFormationInput.read(file, ParameterValues.none());
        } catch (InputException e) {
            // a positioned error: the invariant holds
        }
    }

    /** The YAML reader alone, on text that need not look like a template. */
    static void yaml(byte[] bytes) {
        try {
            Value value = DocumentParser.parseYaml(SourceFile.decodeUtf8(bytes), CloudFormationYaml.DIALECT);
            if (value != null) {
                value.range();
            }
        } catch (InputException e) {
            // a positioned error
        }
    }

    /** The JSON reader alone. */
    static void json(byte[] bytes) {
        try {
            DocumentParser.parseJson(SourceFile.decodeUtf8(bytes));
        } catch (InputException e) {
            // a positioned error
        }
    }

    /** The HCL lexer and parser. */
    static void hcl(byte[] bytes) {
        try {
            HclSyntax.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (InputException e) {
            // a positioned error
        }
    }

    /**
     * A Terraform file evaluated with its folder (empty here) and checked by the rules, through the
     * command line as a user runs it: the exit code is 0, 1 or 2 and nothing on standard error is a
     * crash.
     */
    static void terraform(byte[] bytes) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String name = scratch().resolve("main.tf").toString();
        int code = Main.run(new String[] {"scan", "-q", "--stdin-filename", name, "-"}, new PrintWriter(out, true),
                new PrintWriter(err, true), new ByteArrayInputStream(bytes));
        String errors = err.toString();
        if (code < 0 || code > 2 || errors.contains("internal error") || errors.contains("not enough memory")
                || errors.contains("(stack overflow)") || errors.contains("\tat ")) {
            throw new IllegalStateException("exit " + code + ": " + errors);
        }
    }

    /** The project file reader. */
    static void projectFile(byte[] bytes) {
        Path file = scratch().resolve(".trailwatch.yml");
        try {
            Files.write(file, bytes);
            ProjectConfig.read(file, ".trailwatch.yml", RULES);
        } catch (InputException e) {
            // a positioned error
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The glob matcher: a glob compiles or is an error at an index within it, matching ends, and
     * where Java's own glob has the same rules (letters, dots, /, * and ?, no **) both agree.
     */
    static void glob(String glob, String path) {
        Glob compiled;
        try {
            compiled = Glob.compile(glob);
        } catch (Glob.InvalidGlobException e) {
            if (e.index() < 0 || e.index() > glob.length()) {
                throw new IllegalStateException("error index " + e.index() + " outside '" + glob + "'");
            }
            return;
        }
        boolean ours = compiled.matches(path);
        try {
            Glob.compile(glob, true).matches(path);
        } catch (Glob.InvalidGlobException e) {
            throw new IllegalStateException("'" + glob + "' compiles alone but not at any depth", e);
        }
        if (glob.matches("[a-z./*?]*") && !glob.contains("**") && path.matches("[a-z.]+(/[a-z.]+)*")) {
            boolean java = FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path));
            if (java != ours) {
                throw new IllegalStateException("'" + glob + "' against '" + path + "': Java says " + java);
            }
        }
    }

    private static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("trailwatch-fuzz");
                scratch.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }
}
