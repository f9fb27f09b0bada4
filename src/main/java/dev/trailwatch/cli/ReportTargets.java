package dev.trailwatch.cli;

import dev.trailwatch.report.Report;
import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where each report of a run goes: {@code --format FORMAT[=FILE]} and {@code --output}. */
final class ReportTargets {
    /** One report of the run and where it goes: a file, or stdout when {@code file} is null. */
    record Target(Report report, Path file) {}

    /** Makes the report a --format names; {@code toStdout}: it goes to the terminal, where colour may be. */
    @FunctionalInterface
    interface Factory {
        Report make(String formatName, boolean toStdout) throws UsageException;
    }

    private ReportTargets() {}


    /**
     * Each --format as FORMAT or FORMAT=FILE (FILE "-" is stdout), as Checkov's repeated -o: the
     * one given without a file goes to --output, else to stdout; at most one goes to stdout, and
     * no two to one file.
     */
    static List<Target> plan(List<String> formats, Path output, Factory factory) throws UsageException {
        List<String> given = formats.isEmpty() ? List.of("text") : formats;
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int toStdout = 0;
        for (String option : given) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            String file = eq < 0 ? null : option.substring(eq + 1);
            if (file != null && file.isEmpty()) {
                throw new UsageException("--format " + option + ": FILE is empty (FORMAT=FILE, or FORMAT=- for stdout)");
            }
            Path path = file == null ? output : file.equals("-") ? null : Paths.get(file);
            if (path == null) {
                toStdout++;
            }
            names.add(name);
            files.add(path);
        }
        if (toStdout > 1) {
            throw new UsageException("at most one --format may write to standard output; give the others a file"
                    + " (--format FORMAT=FILE)");
        }
        if (output != null && given.stream().allMatch(f -> f.indexOf('=') >= 0)) {
            throw new UsageException("--output " + output + " names no report: every --format has its own =FILE");
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Path file = files.get(i);
            if (file != null && !seen.add(file.toAbsolutePath().normalize())) {
                throw new UsageException("two reports would be written to " + file);
            }
            targets.add(new Target(factory.make(names.get(i), file == null), file));
        }
        return targets;
    }

    static boolean write(Target target, ScanResult result, PrintWriter stdout, PrintWriter err) {
        try {
            if (target.file() == null) {
                target.report().write(result, stdout);
                stdout.flush();
            } else {
                StringWriter buffer = new StringWriter();
                target.report().write(result, buffer);
                Files.writeString(target.file(), buffer.toString(), StandardCharsets.UTF_8);
            }
            return true;
        } catch (IOException e) {
            err.println("trailwatch: cannot write the report to " + target.file() + ": "
                    + OutputTargets.reason(target.file(), e));
            return false;
        }
    }
}
