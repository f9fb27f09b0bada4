package dev.trailwatch.lsp;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.scan.FileCollector;
import dev.trailwatch.scan.Scanner;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.config.ProjectConfig;
import dev.trailwatch.config.ScanSetup;
import dev.trailwatch.policy.Baseline;
import dev.trailwatch.terraform.VariableInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scanner a document is checked with: the nearest project file's rules, severities,
 * suppressions, excludes, variables, parameters and baseline, as {@code trailwatch scan} run in
 * the workspace applies them; {@code --strict} comes from the client's initialization options.
 * A project file is read again when it changes on disk.
 */
final class ProjectSettings {
    /** A scanner and what it was built from; {@code problem} is the project file's error, if any. */
    record Project(Scanner scanner, Path configFile, FileTime configTime, String problem) {}

    private final DisplayPaths paths;
    private final boolean strictOption;
    private final int jobs;
    private final java.util.function.Consumer<Throwable> internalErrors;
    private final Map<Path, Project> byConfig = new ConcurrentHashMap<>();
    private Project withoutConfig;

    /** {@code internalErrors}: a defect of ours that ended one unit of a scan (the others' findings stand). */
    ProjectSettings(Path workspaceRoot, boolean strict, int jobs, java.util.function.Consumer<Throwable> internalErrors) {
        this.paths = new DisplayPaths(workspaceRoot);
        this.strictOption = strict;
        this.jobs = jobs;
        this.internalErrors = internalErrors;
    }

    DisplayPaths paths() {
        return paths;
    }

    /** The project for a document: the nearest project file from its folder up to the git root. */
    synchronized Project forDocument(Path document) {
        Path folder = document.toAbsolutePath().normalize().getParent();
        Path config = folder == null ? null : ProjectConfig.find(folder);
        if (config == null) {
            if (withoutConfig == null) {
                withoutConfig = build(ProjectConfig.none(), null, null, null);
            }
            return withoutConfig;
        }
        FileTime time = modified(config);
        Project known = byConfig.get(config);
        if (known != null && time.equals(known.configTime())) {
            return known;
        }
        Project project = load(config, time);
        byConfig.put(config, project);
        return project;
    }

    private Project load(Path configFile, FileTime time) {
        Set<String> knownRules = new TreeSet<>();
        Rules.all().forEach(rule -> knownRules.add(rule.metadata().id()));
        String shown = paths.show(configFile);
        try {
            ProjectConfig config = ProjectConfig.read(configFile, shown, knownRules);
            return build(config, configFile, time, null);
        } catch (InputException e) {
            String where = e.position() == null ? shown : shown + ":" + e.position().line() + ":" + e.position().column();
            // The defaults stand in until the project file is fixed; the client is told why.
            return build(ProjectConfig.none(), configFile, time, where + ": " + e.getMessage());
        }
    }

    private Project build(ProjectConfig config, Path configFile, FileTime time, String problem) {
        ProjectConfig.ScanOptions options = config.options();
        boolean strict = strictOption || Boolean.TRUE.equals(options.strict());
        long maxFileSize = options.maxFileSize() != null ? options.maxFileSize() : Scanner.DEFAULT_MAX_FILE_SIZE;
        List<Rule> rules = ScanSetup.rules(config, strict, List.of(), List.of());
        List<String> problems = new ArrayList<>();
        if (problem != null) {
            problems.add(problem);
        }
        Set<String> baseline = Set.of();
        if (options.baseline() != null) {
            try {
                baseline = Baseline.read(options.baseline());
            } catch (InputException e) {
                problems.add(paths.show(options.baseline()) + ": " + e.getMessage());
            }
        }
        Path fingerprintBase = options.baseline() != null ? options.baseline().toAbsolutePath().getParent()
                : paths.workingDirectory();
        Scanner scanner = new Scanner(ScanSetup.settings(config, rules, ScanSetup.suppressions(config, false, false),
                baseline, fingerprintBase, false, parameters(options, maxFileSize, problems),
                variables(options, maxFileSize),
                paths, maxFileSize, jobs, internalErrors));
        Path configFolder = config.file() == null ? null : config.file().toAbsolutePath().getParent();
        if (configFolder != null && !config.excludes().isEmpty()) {
            FileCollector excludes = new FileCollector(paths, List.of()).exclude(configFolder, config.excludes());
            scanner.excluding(excludes::isExcluded);
        }
        return new Project(scanner, configFile, time, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private VariableInputs variables(ProjectConfig.ScanOptions options, long maxFileSize) {
        List<VariableInputs.Option> given = new ArrayList<>();
        options.varFiles().forEach(file -> given.add(new VariableInputs.Option(true, file.toString())));
        options.vars().forEach(value -> given.add(new VariableInputs.Option(false, value)));
        return new VariableInputs(given, paths, maxFileSize);
    }

    private ParameterValues parameters(ProjectConfig.ScanOptions options, long maxFileSize, List<String> problems) {
        ParameterValues values = ParameterValues.none();
        for (Path file : options.parameterFiles()) {
            try {
                values.addFile(SourceFile.decode(file, paths.show(file), SourceFile.readBytes(file, maxFileSize)));
            } catch (InputException e) {
                problems.add(paths.show(file) + ": " + e.getMessage());
            }
        }
        for (String option : options.parameters()) {
            try {
                values.addOption(option);
            } catch (InputException e) {
                problems.add(e.getMessage());
            }
        }
        return values;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
