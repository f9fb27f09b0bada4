package dev.trailwatch.cli;

import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run the launcher's class-data archive (or JDK 25 AOT cache) is made from, in the background
 * after a user's first run: the scans a pre-commit hook, an editor and a CI job start most often (one
 * template, one Terraform file, a folder with reports to files), on samples shipped in the jar, so
 * that the archive holds the classes of every format whichever file the user's first run named.
 * Prints nothing; exit code 0 when every scan ran as expected.
 */
public final class TrainingRun {
    private static final List<String> SAMPLES = List.of("template.yaml", "template.json", "main.tf",
            "terraform.tfvars");

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("trailwatch-training");
        try {
            for (String name : SAMPLES) {
                try (InputStream in = TrainingRun.class.getResourceAsStream("/dev/trailwatch/training/" + name)) {
                    if (in == null) {
                        throw new IOException("the jar has no training sample " + name);
                    }
                    Files.copy(in, folder.resolve(name));
                }
            }
            HclSyntax.warmUp(); // as WarmUp runs it beside a scan of Terraform
            String sarif = folder.resolve("report.sarif").toString();
            boolean expected = run("scan", "-q", folder.resolve("template.yaml").toString()) == ExitCodes.FINDINGS
                    & run("scan", "-q", folder.resolve("main.tf").toString()) == ExitCodes.CLEAN
                    & run("scan", "-q", "-f", "json", "-f", "sarif=" + sarif, folder.toString()) == ExitCodes.FINDINGS;
            System.exit(expected ? 0 : 1);
        } finally {
            delete(folder);
        }
    }

    /** As Main.main runs a command line: the warm-up thread beside it. */
    private static int run(String... args) {
        WarmUp.startFor(args);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        return Main.run(args, nowhere, nowhere, InputStream.nullInputStream());
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
