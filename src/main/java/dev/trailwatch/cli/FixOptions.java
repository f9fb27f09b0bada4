package dev.trailwatch.cli;

import dev.trailwatch.fix.FilePlan;
import dev.trailwatch.fix.Fix;
import dev.trailwatch.fix.Fixer;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.source.DisplayPaths;
import java.io.PrintWriter;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --fix} and {@code --fix --dry-run}: after the scan, the fixable findings (TW001, TW002,
 * not suppressed) are fixed in the files, or shown as a unified diff on standard output before the
 * report. What is written is then scanned again, so that the report and the exit code say what is
 * left.
 */
final class FixOptions {
    boolean fix;
    boolean dryRun;

    static void addTo(CommandSpec command) {
        command.addOption(ScanCommand.flag("apply the remediation of TW001 and TW002 to the files (each checked by a"
                + " new scan before it is written, atomically)", "--fix"));
        command.addOption(ScanCommand.flag("with --fix: print the changes as a unified diff, change nothing",
                "--dry-run"));
    }

    void read(ParseResult parsed) {
        fix = parsed.hasMatchedOption("--fix");
        dryRun = parsed.hasMatchedOption("--dry-run");
    }

    /**
     * Fixes what the scan found and returns the result to report: a new scan when a file changed,
     * else the same one.
     */
    ScanResult apply(ScanResult result, Scanner scanner, Supplier<ScanResult> scanAgain, CommandLine command) {
        if (!fix && !dryRun) {
            return result;
        }
        PrintWriter out = command.getOut();
        PrintWriter err = command.getErr();
        if (command.getParseResult().matchedPositionals().stream().anyMatch(p -> p.getValue() instanceof List<?> l
                && l.contains("-"))) {
            err.println("trailwatch: --fix: standard input is not fixed (only files are)");
        }
        Fixer fixer = new Fixer(new DisplayPaths(Paths.get("")), edited -> scanner.scan(edited, List.of(), List.of()));
        boolean written = false;
        for (Fixer.FileResult file : fixer.fix(result, !dryRun)) {
            if (dryRun) {
                out.print(file.diff());
            }
            for (Fix applied : file.applied()) {
                err.println("trailwatch: " + (dryRun ? "would fix " : "fixed ") + file.file() + ": "
                        + String.join(", ", applied.ruleIds()) + " " + applied.address() + ": " + applied.description());
                written |= !dryRun;
            }
            for (FilePlan.NotFixed left : file.notFixed()) {
                err.println("trailwatch: not fixed " + left.finding().location().file() + ":"
                        + left.finding().location().line() + ":" + left.finding().location().column() + ": "
                        + left.finding().ruleId() + " " + left.finding().resource().address() + ": " + left.reason());
            }
            if (file.refused() != null) {
                err.println("trailwatch: not fixed " + file.file() + " (left unchanged): " + file.refused());
            }
        }
        out.flush();
        err.flush();
        return written ? scanAgain.get() : result;
    }
}
