package dev.trailwatch.cli;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.report.Report;
import dev.trailwatch.report.ReportFormat;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.rules.Severity;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.source.InputError;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.policy.Baseline;
import dev.trailwatch.config.ProjectConfig;
import dev.trailwatch.config.ScanSetup;
import dev.trailwatch.terraform.Budget;
import dev.trailwatch.terraform.VariableInputs;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.Glob;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.InputFiles;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code trailwatch scan}. Its options are described to picocli by {@link #commandSpec}, without
 * annotations: picocli's reflective model of an annotated command is most of a short run's
 * start-up. Picocli parses; {@link #readOptions} then takes the values.
 */
final class ScanCommand implements Callable<Integer> {
    CommandSpec spec;

    /** Standard input, for the path "-"; replaced in tests. */
    InputStream stdin = System.in;

    /** The environment, for NO_COLOR; replaced in tests. */
    java.util.function.Function<String, String> environment = System::getenv;

    List<String> paths = new ArrayList<>();
    List<String> formats = new ArrayList<>();
    Path output;
    String failOn = "error";
    List<String> onlyRules = new ArrayList<>();
    List<String> skipRules = new ArrayList<>();
    List<String> parameterOptions = new ArrayList<>();
    List<Path> parameterFiles = new ArrayList<>();
    List<String> varOptions = new ArrayList<>();
    List<String> varFiles = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    int jobs = Runtime.getRuntime().availableProcessors();
    long maxFileSize = Scanner.DEFAULT_MAX_FILE_SIZE;
    String stdinFilename = "<stdin>";
    Path configFile;
    Path baseline;
    Path writeBaseline;
    boolean showSource;
    boolean peerSuppressions;
    boolean listSuppressions;
    boolean noInlineSuppressions;
    boolean strict;
    boolean quiet;
    boolean noColor;
    String color = "auto";
    boolean softFail;
    Map<String, Long> limits = new LinkedHashMap<>();
    FixOptions fix = new FixOptions();
    boolean debug;

    /** The command's model for picocli, bound to this command (as its {@code spec}). */
    CommandSpec commandSpec() {
        CommandSpec command = CommandSpec.wrapWithoutInspection(this);
        command.name("scan");
        command.versionProvider(new Main.VersionProvider());
        command.usageMessage().sortOptions(false)
                .description("Scans CloudFormation templates and Terraform configurations for CloudTrail trails that"
                        + " do not deliver to CloudWatch Logs.")
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.DESCRIPTIONS);
        command.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class)
                .description("files or folders to scan (default: .); - reads standard input").build());
        command.addOption(values(String.class, "FORMAT[=FILE]", "text, json, sarif, junit, github, checkstyle or"
                + " gitlab-codequality (default: text); repeatable, one scan writing each report: FORMAT=FILE writes"
                + " that one to FILE, at most one to stdout", "-f", "--format"));
        command.addOption(value(Path.class, "FILE",
                "write the report (the --format given without =FILE) there instead of stdout", "-o", "--output"));
        command.addOption(value(String.class, "SEVERITY",
                "lowest severity that makes the exit code 1: error, warning, note or never (default: error)",
                "--fail-on"));
        command.addOption(OptionSpec.builder("--rules").paramLabel("ID").type(List.class).auxiliaryTypes(String.class)
                .splitRegex(",").description("run only these rules").build());
        command.addOption(OptionSpec.builder("--skip-rules").paramLabel("ID").type(List.class)
                .auxiliaryTypes(String.class).splitRegex(",").description("do not run these rules").build());
        command.addOption(values(String.class, "KEY=VALUE", "a CloudFormation parameter value", "--parameter"));
        command.addOption(values(Path.class, "FILE",
                "CloudFormation parameter values: the AWS CLI's JSON list, or KEY=VALUE lines", "--parameters-file"));
        command.addOption(values(String.class, "NAME=VALUE", "a Terraform root module variable value", "--var"));
        command.addOption(values(String.class, "FILE", "Terraform variable values from a .tfvars file",
                "--var-file"));
        command.addOption(values(String.class, "GLOB",
                "skip matching paths (.git, .terraform and node_modules are always skipped)", "--exclude"));
        command.addOption(value(int.class, "N", "parallel workers (default: processors)", "-j", "--jobs"));
        command.addOption(value(long.class, "BYTES", "larger files are reported, not read", "--max-file-size"));
        command.addOption(value(String.class, "NAME", "the name to report for standard input", "--stdin-filename"));
        command.addOption(value(Path.class, "FILE",
                "the project file (default: the nearest .trailwatch.yml up to the git root)", "--config"));
        command.addOption(value(Path.class, "FILE", "report only findings not in this baseline", "--baseline"));
        command.addOption(value(Path.class, "FILE", "record the current findings' fingerprints",
                "--write-baseline"));
        command.addOption(flag("text format: show each finding's source line", "--show-source"));
        command.addOption(flag("also honour other linters' skips of the same control (checkov:skip, trivy:ignore,"
                + " kics-scan ignore, Metadata checkov/cfn_nag/guard)", "--peer-suppressions"));
        command.addOption(flag("text format: after the findings, every suppression that held: where it is written,"
                + " its kind, rules, reason, expiry and how many findings it silenced", "--list-suppressions"));
        command.addOption(flag("ignore trailwatch:ignore comments and Metadata ignores (each reported as TW100): only"
                + " the project file's suppressions hold", "--no-inline-suppressions"));
        command.addOption(flag("also report values that cannot be known statically (TW000, note)", "--strict"));
        command.addOption(flag("no summary on standard error", "-q", "--quiet"));
        command.addOption(flag("no colour (the same as --color never)", "--no-color"));
        command.addOption(value(String.class, "WHEN",
                "auto (default: only on a terminal, and not when NO_COLOR is set), always or never", "--color"));
        command.addOption(flag("always exit 0 once the scan ran, even with findings or unreadable inputs (for advisory"
                + " jobs; usage errors still exit 2)", "--soft-fail"));
        command.addOption(OptionSpec.builder("--limit").paramLabel("NAME=N").type(Map.class)
                .auxiliaryTypes(String.class, Long.class)
                .description("raise a Terraform evaluation budget: module-instances (10000), instances (1000 per count"
                        + " or for_each), value-size (100000 elements), string-length (1000000), evaluation-steps"
                        + " (2000000)").build());
        FixOptions.addTo(command);
        command.addOption(flag("print the stack trace of an internal error", Crashes.DEBUG));
        Main.addStandardHelpOptions(command);
        spec = command;
        return command;
    }

    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).description(description).build();
    }

    private static OptionSpec value(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(type).description(description).build();
    }

    /** A repeatable option: each value is added to a list. */
    private static OptionSpec values(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(List.class).auxiliaryTypes(type)
                .description(description).build();
    }

    /** Takes the values picocli parsed; an option not given keeps its default. */
    private void readOptions(ParseResult parsed) {
        paths = parsed.matchedPositionalValue(0, paths);
        formats = parsed.matchedOptionValue("--format", formats);
        output = parsed.matchedOptionValue("--output", output);
        failOn = parsed.matchedOptionValue("--fail-on", failOn);
        onlyRules = parsed.matchedOptionValue("--rules", onlyRules);
        skipRules = parsed.matchedOptionValue("--skip-rules", skipRules);
        parameterOptions = parsed.matchedOptionValue("--parameter", parameterOptions);
        parameterFiles = parsed.matchedOptionValue("--parameters-file", parameterFiles);
        varOptions = parsed.matchedOptionValue("--var", varOptions);
        varFiles = parsed.matchedOptionValue("--var-file", varFiles);
        excludes = parsed.matchedOptionValue("--exclude", excludes);
        jobs = parsed.matchedOptionValue("--jobs", jobs);
        maxFileSize = parsed.matchedOptionValue("--max-file-size", maxFileSize);
        stdinFilename = parsed.matchedOptionValue("--stdin-filename", stdinFilename);
        configFile = parsed.matchedOptionValue("--config", configFile);
        baseline = parsed.matchedOptionValue("--baseline", baseline);
        writeBaseline = parsed.matchedOptionValue("--write-baseline", writeBaseline);
        showSource = parsed.hasMatchedOption("--show-source");
        peerSuppressions = parsed.hasMatchedOption("--peer-suppressions");
        listSuppressions = parsed.hasMatchedOption("--list-suppressions");
        noInlineSuppressions = parsed.hasMatchedOption("--no-inline-suppressions");
        strict = parsed.hasMatchedOption("--strict");
        quiet = parsed.hasMatchedOption("--quiet");
        noColor = parsed.hasMatchedOption("--no-color");
        color = parsed.matchedOptionValue("--color", color);
        softFail = parsed.hasMatchedOption("--soft-fail");
        limits = parsed.matchedOptionValue("--limit", limits);
        fix.read(parsed);
        debug = parsed.hasMatchedOption(Crashes.DEBUG);
    }

    /** The files the scan read, so that the report or the baseline never overwrites one. */
    private List<Path> scannedFiles = List.of();

    @Override
    public Integer call() {
        readOptions(spec.commandLine().getParseResult());
        PrintWriter err = spec.commandLine().getErr();
        DisplayPaths displayPaths = new DisplayPaths(Paths.get(""));
        List<ReportTargets.Target> reports;
        Severity threshold;
        List<Rule> rules;
        ParameterValues parameters;
        VariableInputs variables;
        ProjectConfig config;
        Set<String> baselineFingerprints;
        try {
            config = projectConfig(displayPaths);
            applyProjectOptions(config.options());
            checkExcludes();
            configureBudget();
            reports = ReportTargets.plan(formats, output, (name, toStdout) -> report(name, displayPaths, toStdout));
            String effectiveFailOn = failOnGiven() || config.failOn() == null ? failOn : config.failOn();
            threshold = effectiveFailOn.equalsIgnoreCase("never") ? null : severity(effectiveFailOn);
            rules = selectRules(config);
            parameters = parameters();
            variables = new VariableInputs(variableOptions(), displayPaths, maxFileSize);
            baselineFingerprints = baseline == null ? Set.of() : readBaseline(baseline);
        } catch (UsageException e) {
            err.println("trailwatch: " + e.getMessage());
            return ExitCodes.ERROR;
        }

        Path fingerprintBase = baseline != null ? baseline.toAbsolutePath().getParent()
                : writeBaseline != null ? writeBaseline.toAbsolutePath().getParent() : displayPaths.workingDirectory();
        boolean fingerprintsShown = writeBaseline != null
                || reports.stream().anyMatch(target -> target.report().showsFingerprints());
        Scanner scanner = new Scanner(ScanSetup.settings(config, rules, ScanSetup.suppressions(config,
                noInlineSuppressions, peerSuppressions), baselineFingerprints, fingerprintBase, fingerprintsShown,
                parameters, variables, displayPaths, maxFileSize, jobs, crash -> {
                    if (debug) {
                        crash.printStackTrace(err);
                    }
                }));
        ScanResult result = fix.apply(scan(scanner, config), scanner, () -> scan(scanner, config), spec.commandLine());

        String overwrite = OutputTargets.overwrittenInput(output, writeBaseline, scannedFiles, sideFiles(config),
                baseline);
        for (ReportTargets.Target target : reports) {
            if (overwrite == null && target.file() != null) { // every --format FORMAT=FILE too
                overwrite = OutputTargets.overwrittenInput(target.file(), null, scannedFiles, sideFiles(config), baseline);
            }
        }
        if (overwrite != null) {
            err.println("trailwatch: " + overwrite);
            return ExitCodes.ERROR;
        }
        if (writeBaseline != null && !writeBaseline(result, err)) {
            return ExitCodes.ERROR;
        }
        for (ReportTargets.Target target : reports) {
            if (!ReportTargets.write(target, result, spec.commandLine().getOut(), err)) {
                return ExitCodes.ERROR;
            }
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
        if (softFail) {
            return ExitCodes.CLEAN; // advisory: the report says what there is, the exit code blocks nothing
        }
        if (!result.errors().isEmpty()) {
            return ExitCodes.ERROR;
        }
        boolean failing = threshold != null
                && result.reported().stream().map(Finding::severity).anyMatch(s -> s.atLeast(threshold));
        return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /** The project file's options (var-files, vars, parameters-files, parameters in their own lists). */
    private ProjectConfig.ScanOptions projectOptions = ProjectConfig.ScanOptions.NONE_SET;

    /** Takes each option the project file sets unless the command line gave it: the command line wins. */
    private void applyProjectOptions(ProjectConfig.ScanOptions options) {
        projectOptions = options;
        if (!given("--strict") && options.strict() != null) {
            strict = options.strict();
        }
        if (!given("--baseline") && options.baseline() != null) {
            baseline = options.baseline();
        }
        if (!given("--format") && !options.formats().isEmpty()) {
            formats = new ArrayList<>(options.formats());
        }
        if (!given("--jobs") && options.jobs() != null) {
            jobs = options.jobs();
        }
        if (!given("--max-file-size") && options.maxFileSize() != null) {
            maxFileSize = options.maxFileSize();
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private boolean failOnGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--fail-on");
    }

    /** --config, or the nearest .trailwatch.yml from the working directory up to the git root. */
    private ProjectConfig projectConfig(DisplayPaths paths) throws UsageException {
        Path file = configFile != null ? configFile : ProjectConfig.find(paths.workingDirectory());
        if (file == null) {
            return ProjectConfig.none();
        }
        Set<String> known = new LinkedHashSet<>();
        for (Rule rule : Rules.all()) {
            known.add(rule.metadata().id());
        }
        String shown = paths.show(file);
        try {
            return ProjectConfig.read(file, shown, known);
        } catch (InputException e) {
            throw new UsageException(e.position() == null ? shown + ": " + e.getMessage()
                    : shown + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage());
        }
    }

    private static Set<String> readBaseline(Path file) throws UsageException {
        try {
            return Baseline.read(file);
        } catch (InputException e) {
            throw new UsageException(file + (e.position() == null ? "" : ":" + e.position().line() + ":"
                    + e.position().column()) + ": " + e.getMessage());
        }
    }

    /** Records the fingerprints of the findings that are not suppressed otherwise. */
    private boolean writeBaseline(ScanResult result, PrintWriter err) {
        List<Baseline.Entry> entries = result.findings().stream()
                .filter(f -> !f.isSuppressed() || f.suppressed().kind() == Suppression.Kind.BASELINE)
                .map(f -> new Baseline.Entry(f.fingerprint(), f.ruleId(), f.resource().address(), f.location().file(),
                        f.message())).toList();
        try {
            Baseline.write(writeBaseline, entries);
            return true;
        } catch (IOException e) {
            err.println("trailwatch: cannot write the baseline to " + writeBaseline + ": "
                    + OutputTargets.reason(writeBaseline, e));
            return false;
        }
    }

    /** The Terraform evaluation budgets of this run (the defaults unless --limit raises one). */
    private void configureBudget() throws UsageException {
        try {
            Budget.configure(limits);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--limit: " + e.getMessage());
        }
    }

    /** An invalid --exclude glob is a usage error naming the option and the place in the glob. */
    private void checkExcludes() throws UsageException {
        for (String glob : excludes) {
            try {
                Glob.check(glob);
            } catch (Glob.InvalidGlobException e) {
                throw new UsageException("--exclude '" + glob + "': invalid glob at character " + (e.index() + 1)
                        + ": " + e.getMessage());
            }
        }
    }

    /**
     * --var and --var-file in the order they were given: Terraform applies them in command-line
     * order, so a later one wins.
     */
    private List<VariableInputs.Option> variableOptions() throws UsageException {
        List<VariableInputs.Option> ordered = new ArrayList<>();
        // The project file's first, so that the command line's, applied after them, win.
        for (Path file : projectOptions.varFiles()) {
            ordered.add(new VariableInputs.Option(true, file.toString()));
        }
        for (String value : projectOptions.vars()) {
            ordered.add(new VariableInputs.Option(false, value));
        }
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
    private ScanResult scan(Scanner scanner, ProjectConfig config) {
        List<String> named = paths.isEmpty() ? List.of(".") : paths;
        List<String> files = named.stream().filter(p -> !p.equals("-")).toList();
        FileCollector collector = new FileCollector(new DisplayPaths(Paths.get("")), excludes);
        if (config.file() != null) {
            collector.exclude(config.file().toAbsolutePath().getParent(), config.excludes());
        }
        FileCollector.Collected collected = collector.collect(files);
        scannedFiles = collected.files().stream().map(FileCollector.Candidate::path).toList();
        scanner.excluding(collector::isExcluded);
        if (files.size() == named.size()) {
            return scanner.scan(collected.files(), collected.errors());
        }
        try {
            byte[] bytes = InputFiles.read(stdin, InputFiles.Limit.option(maxFileSize));
            SourceFile text = SourceFile.decode(Paths.get(stdinFilename), stdinFilename, bytes);
            if (!given("--stdin-filename") && !mayBeTemplateOrPlan(text.text())) {
                // Unnamed, only its content says what it is, and Terraform is not told by content: say so.
                List<InputError> errors = new ArrayList<>(collected.errors());
                errors.add(new InputError(stdinFilename, null, "standard input is not a CloudFormation template or a"
                        + " Terraform plan; for Terraform pass --stdin-filename NAME.tf (it is then read with its folder)"));
                return scanner.scan(collected.files(), errors);
            }
            return scanner.scan(text, collected.files(), collected.errors());
        } catch (InputException e) {
            List<InputError> errors = new ArrayList<>(collected.errors());
            errors.add(new InputError(stdinFilename, e.position(), e.getMessage()));
            return scanner.scan(collected.files(), errors);
        }
    }

    /** Whether text unnamed on standard input may be a template or a plan (JSON, or YAML with Resources). */
    private static boolean mayBeTemplateOrPlan(String text) {
        return text.isBlank() || dev.trailwatch.document.DocumentParser.looksLikeJson(text) || text.contains("Resources")
                || text.contains("AWSTemplateFormatVersion");
    }

    private static String summary(ScanResult result) {
        return "trailwatch: " + plural(result.files(), "file") + ", " + plural(result.resources(), "resource") + ", "
                + plural(result.trails(), "trail") + ": " + plural(result.reported().size(), "finding") + ", "
                + plural(result.errors().size(), "error")
                + (result.suppressed() > 0 ? ", " + result.suppressed() + " suppressed" : "");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Report report(String name, DisplayPaths paths, boolean toStdout) throws UsageException {
        ColourChoice choice = noColor ? ColourChoice.NEVER : ColourChoice.parse(color);
        if (choice == null) {
            throw new UsageException("unknown --color '" + color + "'; one of: auto, always, never");
        }
        boolean colour = toStdout && choice.enabled(environment.apply("NO_COLOR") != null,
                CommandLine.Help.Ansi.AUTO.enabled());
        ReportFormat format = ReportFormat.named(name).orElseThrow(() -> new UsageException("unknown --format '"
                + name + "'; one of: " + ReportFormat.names()));
        return format.create(new ReportFormat.TextOptions(showSource, colour, listSuppressions, paths));
    }

    private static Severity severity(String name) throws UsageException {
        try {
            return Severity.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --fail-on '" + name + "'; one of: error, warning, note, never");
        }
    }

    private List<Rule> selectRules(ProjectConfig config) throws UsageException {
        Set<String> known = new LinkedHashSet<>();
        for (Rule rule : Rules.all()) {
            known.add(rule.metadata().id());
        }
        for (String id : concat(onlyRules, skipRules)) {
            if (!known.contains(id.toUpperCase(Locale.ROOT))) {
                throw new UsageException("unknown rule '" + id + "'; known: " + String.join(", ", known));
            }
        }
        return ScanSetup.rules(config, strict, onlyRules, skipRules);
    }

    /** Files first, then --parameter options, so that a single option overrides a shared file. */
    private ParameterValues parameters() throws UsageException {
        ParameterValues values = ParameterValues.none();
        // The project file's first, so that the command line's, applied after them, win.
        List<Path> files = new ArrayList<>(projectOptions.parameterFiles());
        files.addAll(parameterFiles);
        List<String> options = new ArrayList<>(projectOptions.parameters());
        options.addAll(parameterOptions);
        for (Path file : files) {
            try {
                byte[] bytes = SourceFile.readBytes(file, maxFileSize);
                values.addFile(SourceFile.decode(file, file.toString(), bytes));
            } catch (InputException e) {
                String where = e.position() == null ? file.toString()
                        : file + ":" + e.position().line() + ":" + e.position().column();
                throw new UsageException(where + ": " + e.getMessage());
            }
        }
        for (String option : options) {
            try {
                values.addOption(option);
            } catch (InputException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return values;
    }

    /** The files read besides the scanned ones: the project file, baseline, variable and parameter files. */
    private List<Path> sideFiles(ProjectConfig config) {
        List<Path> files = new ArrayList<>(parameterFiles);
        varFiles.forEach(f -> files.add(Paths.get(f)));
        if (config.file() != null) {
            files.add(config.file());
        }
        if (baseline != null) {
            files.add(baseline);
        }
        return files;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }


}
