package dev.trailwatch.cli;

import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Work a scan that will read Terraform can start before the command line is parsed, done on a
 * second thread meanwhile: a short run otherwise spends a third of its time building the HCL
 * grammar's tables before it parses its first file. When Terraform files are named (as pre-commit
 * and editors name them), the .tf files of their folders, which the scan evaluates with them, are
 * parsed ahead ({@link HclSyntax#parseAhead}; the scan takes each result instead of parsing the
 * same text again); when only folders are named, a small configuration of common constructs is.
 * A daemon thread, so it never delays the exit; an input it cannot read or parse is the scan's to
 * report.
 */
final class WarmUp {
    /** What is parsed ahead at most: the first folders' files, none larger than this. */
    private static final int MAX_FILES = 32;
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final long MAX_TOTAL_BYTES = 4L << 20;

    private WarmUp() {}

    static void startFor(String[] args) {
        if (!readsTerraform(args)) {
            return;
        }
        Thread thread = new Thread(() -> warmUp(args), "trailwatch-warm-up");
        thread.setDaemon(true);
        // A defect here is one line on standard error, as on the main thread (its stack trace only
        // with --debug); the scan, which does the same work itself, decides the exit code.
        thread.setUncaughtExceptionHandler((t, crash) -> Crashes.report(crash,
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), Crashes.debug(args)));
        thread.start();
    }

    private static void warmUp(String[] args) {
        try {
            List<Path> files = filesToParseAhead(args);
            if (files.isEmpty()) {
                HclSyntax.warmUp();
            }
            long total = 0;
            for (Path file : files) {
                byte[] bytes = SourceFile.readBytes(file, MAX_FILE_BYTES);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    break;
                }
                HclSyntax.parseAhead(SourceFile.decodeUtf8(bytes));
            }
        } catch (InputException | IOException | UncheckedIOException | InvalidPathException e) {
            // A file unreadable, gone, not UTF-8, or a name no path can have: the scan reports it.
        }
    }

    /** Whether a scan with these arguments will read Terraform (only the names are looked at). */
    static boolean readsTerraform(String[] args) {
        String[] command = Main.withDefaultCommand(args);
        if (!command[0].equals("scan")) {
            return false;
        }
        boolean pathNamed = false;
        for (int i = 1; i < command.length; i++) {
            String arg = command[i];
            if (isTerraform(arg)) {
                return true;
            }
            if (arg.startsWith("-") && !arg.equals("-")) {
                continue; // an option (the value of one such as -f sarif is no path: it does not exist)
            }
            File file = new File(arg);
            if (file.isDirectory()) {
                return true;
            }
            pathNamed |= arg.equals("-") || file.exists();
        }
        return !pathNamed; // no path: the working directory
    }

    /**
     * The .tf files of the folders of the Terraform files named, in each folder's order (the
     * order the scan reads them in), the named folders first met first; at most MAX_FILES.
     */
    static List<Path> filesToParseAhead(String[] args) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (String arg : args) {
            if (isTerraform(arg) && !arg.startsWith("-")) {
                Path file = Path.of(arg).toAbsolutePath().normalize();
                if (Files.isRegularFile(file) && file.getParent() != null) {
                    folders.add(file.getParent());
                }
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tf")
                        && Files.isRegularFile(f)).sorted().forEach(files::add);
            }
            if (files.size() >= MAX_FILES) {
                return files.subList(0, MAX_FILES);
            }
        }
        return files;
    }

    private static boolean isTerraform(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        return name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".hcl");
    }
}
