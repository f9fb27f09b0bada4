package dev.trailwatch.cli;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.report.JsonReport;
import dev.trailwatch.report.Report;
import dev.trailwatch.report.TextReport;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.rules.Severity;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.source.InputError;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.terraform.VariableInputs;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scans CloudFormation templates and Terraform configurations for CloudTrail trails that do not"
                + " deliver to CloudWatch Logs.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage error, or an input that could not be read or parsed"})
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, for the path "-"; replaced in tests. */
    InputStream stdin = System.in;

    @CommandLine.Parameters(paramLabel = "PATH", arity = "0..*",
            description = "files or folders to scan (default: .); - reads standard input")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or json (default: text)")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report there instead of stdout")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "lowest severity that makes the exit code 1: error, warning, note or never (default: error)")
    String failOn = "error";

    @Option(names = "--rules", split = ",", paramLabel = "ID", description = "run only these rules")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rules", split = ",", paramLabel = "ID", description = "do not run these rules")
    List<String> skipRules = new ArrayList<>();

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "a CloudFormation parameter value")
    List<String> parameterOptions = new ArrayList<>();

    @Option(names = "--parameters-file", paramLabel = "FILE",
            description = "CloudFormation parameter values: the AWS CLI's JSON list, or KEY=VALUE lines")
    List<Path> parameterFiles = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a Terraform root module variable value")
    List<String> varOptions = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE", description = "Terraform variable values from a .tfvars file")
    List<String> varFiles = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "skip matching paths (.git, .terraform and node_modules are always skipped)")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "parallel workers (default: processors)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "larger files are reported, not read")
    long maxFileSize = Scanner.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--stdin-filename", paramLabel = "NAME", description = "the name to report for standard input")
    String stdinFilename = "<stdin>";

    @Option(names = "--strict", description = "also report values that cannot be known statically (TW000, note)")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "no summary on standard error")
    boolean quiet;

    @Option(names = "--no-color", description = "no colour (there is none unless stdout is a terminal)")
    boolean noColor;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Report report;
        Severity threshold;
        List<Rule> rules;
        ParameterValues parameters;
        try {
            report = report(format);
            threshold = failOn.equalsIgnoreCase("never") ? null : severity(failOn);
            rules = selectRules();
            parameters = parameters();
        } catch (UsageException e) {
            err.println("trailwatch: " + e.getMessage());
            return ExitCodes.ERROR;
        }

        DisplayPaths displayPaths = new DisplayPaths(Paths.get(""));
        VariableInputs variables;
        try {
            variables = new VariableInputs(variableOptions(), displayPaths, maxFileSize);
        } catch (UsageException e) {
            err.println("trailwatch: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Scanner scanner = new Scanner(rules, parameters, variables, displayPaths, maxFileSize, jobs);
        ScanResult result = scan(scanner);

        if (!writeReport(report, result, err)) {
            return ExitCodes.ERROR;
        }
        for (InputError error : result.errors()) {
            String where = error.position() == null ? error.file()
                    : error.file() + ":" + error.position().line() + ":" + error.position().column();
            err.println(where + ": error: " + error.message());
        }
        if (!quiet) {
            err.println(summary(result));
        }
        err.flush();
        if (!result.errors().isEmpty()) {
            return ExitCodes.ERROR;
        }
        boolean failing = threshold != null
                && result.findings().stream().map(Finding::severity).anyMatch(s -> s.atLeast(threshold));
        return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /**
     * --var and --var-file in the order they were given: Terraform applies them in command-line
     * order, so a later one wins.
     */
    private List<VariableInputs.Option> variableOptions() throws UsageException {
        List<VariableInputs.Option> ordered = new ArrayList<>();
        int nextVar = 0;
        int nextFile = 0;
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        for (String arg : args) {
            if ((arg.equals("--var") || arg.startsWith("--var=")) && nextVar < varOptions.size()) {
                String value = varOptions.get(nextVar++);
                if (value.indexOf('=') <= 0) {
                    throw new UsageException("--var expects NAME=VALUE, got '" + value + "'");
                }
                ordered.add(new VariableInputs.Option(false, value));
            } else if ((arg.equals("--var-file") || arg.startsWith("--var-file=")) && nextFile < varFiles.size()) {
                ordered.add(new VariableInputs.Option(true, varFiles.get(nextFile++)));
            }
        }
        return ordered;
    }

    /** The named paths; "-" among them is standard input, named by --stdin-filename. */
    private ScanResult scan(Scanner scanner) {
        List<String> named = paths.isEmpty() ? List.of(".") : paths;
        List<String> files = named.stream().filter(p -> !p.equals("-")).toList();
        FileCollector collector = new FileCollector(new DisplayPaths(Paths.get("")), excludes);
        FileCollector.Collected collected = collector.collect(files);
        if (files.size() == named.size()) {
            return scanner.scan(collected.files(), collected.errors());
        }
        try {
            byte[] bytes = stdin.readAllBytes();
            SourceFile text = SourceFile.decode(Paths.get(stdinFilename), stdinFilename, bytes);
            return scanner.scan(text, collected.files(), collected.errors());
        } catch (InputException e) {
            List<InputError> errors = new ArrayList<>(collected.errors());
            errors.add(new InputError(stdinFilename, e.position(), e.getMessage()));
            return scanner.scan(collected.files(), errors);
        } catch (IOException e) {
            List<InputError> errors = new ArrayList<>(collected.errors());
            errors.add(new InputError(stdinFilename, null, "cannot be read: " + e.getMessage()));
            return scanner.scan(collected.files(), errors);
        }
    }

    private boolean writeReport(Report report, ScanResult result, PrintWriter err) {
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                report.write(result, out);
                out.flush();
            } else {
                StringWriter buffer = new StringWriter();
                report.write(result, buffer);
                Files.writeString(output, buffer.toString(), StandardCharsets.UTF_8);
            }
            return true;
        } catch (IOException e) {
            err.println("trailwatch: cannot write the report to " + output + ": " + e.getMessage());
            return false;
        }
    }

    private static String summary(ScanResult result) {
        return "trailwatch: " + plural(result.files(), "file") + ", " + plural(result.resources(), "resource") + ", "
                + plural(result.trails(), "trail") + ": " + plural(result.findings().size(), "finding") + ", "
                + plural(result.errors().size(), "error");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Report report(String name) throws UsageException {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "text":
                return new TextReport();
            case "json":
                return new JsonReport();
            default:
                throw new UsageException("unknown --format '" + name + "'; one of: text, json");
        }
    }

    private static Severity severity(String name) throws UsageException {
        try {
            return Severity.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --fail-on '" + name + "'; one of: error, warning, note, never");
        }
    }

    private List<Rule> selectRules() throws UsageException {
        Set<String> known = new LinkedHashSet<>();
        for (Rule rule : Rules.all()) {
            known.add(rule.metadata().id());
        }
        for (String id : concat(onlyRules, skipRules)) {
            if (!known.contains(id.toUpperCase(Locale.ROOT))) {
                throw new UsageException("unknown rule '" + id + "'; known: " + String.join(", ", known));
            }
        }
        List<Rule> selected = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            String id = rule.metadata().id();
            if (id.equals(Rules.STRICT_ONLY) && !strict) {
                continue;
            }
            boolean wanted = onlyRules.isEmpty() || onlyRules.stream().anyMatch(id::equalsIgnoreCase);
            if (wanted && skipRules.stream().noneMatch(id::equalsIgnoreCase)) {
                selected.add(rule);
            }
        }
        return selected;
    }

    /** Files first, then --parameter options, so that a single option overrides a shared file. */
    private ParameterValues parameters() throws UsageException {
        ParameterValues values = ParameterValues.none();
        for (Path file : parameterFiles) {
            try {
                byte[] bytes = SourceFile.readBytes(file, maxFileSize);
                values.addFile(SourceFile.decode(file, file.toString(), bytes));
            } catch (InputException e) {
                String where = e.position() == null ? file.toString()
                        : file + ":" + e.position().line() + ":" + e.position().column();
                throw new UsageException(where + ": " + e.getMessage());
            }
        }
        for (String option : parameterOptions) {
            try {
                values.addOption(option);
            } catch (InputException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A problem with the command line itself. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

}
