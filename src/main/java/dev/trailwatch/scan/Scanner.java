package dev.trailwatch.scan;

import dev.trailwatch.source.ByteOrderMarks;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import dev.trailwatch.cloudformation.CloudFormationInput;
import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleRunner;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.policy.WrittenSuppressions;
import dev.trailwatch.model.Resource;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.InputFiles;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.PlanLoader;
import dev.trailwatch.terraform.TerraformFolders;
import dev.trailwatch.cloudformation.CloudFormationYaml;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.terraform.VariableInputs;
import dev.trailwatch.terraform.ModuleReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads, loads and checks files in parallel. Each file is read, parsed and turned into its model
 * on a worker and nothing of its raw tree outlives that; one file's failure never hides another's
 * findings.
 */
public final class Scanner {
    public static final long DEFAULT_MAX_FILE_SIZE = 64L * 1024 * 1024;
    static final long MAX_PLAN_SIZE = 512L * 1024 * 1024;
    private static final long WORKER_STACK_BYTES = 256L * 1024 * 1024;

    private final RuleRunner runner;
    private final FindingPolicy policy;
    private final ParameterValues parameters;
    private final VariableInputs variables;
    private final DisplayPaths paths;
    private final long maxFileSize;
    private final int jobs;
    private final java.util.function.Consumer<Throwable> internalErrors;
    private final WrittenSuppressions written;

    private Predicate<Path> excluded = path -> false;

    public Scanner(ScanSettings settings) {
        this.runner = settings.runner();
        this.policy = settings.policy();
        this.parameters = settings.parameters();
        this.variables = settings.variables();
        this.paths = settings.paths();
        this.maxFileSize = settings.maxFileSize();
        this.jobs = Math.max(1, settings.jobs());
        this.internalErrors = settings.internalErrors();
        this.written = new WrittenSuppressions(runner.suppressionRule());
    }

    /** What one unit of work contributed. */
    private record Outcome(int files, int resources, int trails, int unknownValues, List<Finding> findings,
            List<InputError> errors, List<ScanResult.Check> checks) {
        static final Outcome SKIPPED = new Outcome(0, 0, 0, 0, List.of(), List.of(), List.of());
        static final Outcome SYNTAX_OK = new Outcome(1, 0, 0, 0, List.of(), List.of(), List.of());

        static Outcome error(InputError error) {
            return new Outcome(1, 0, 0, 0, List.of(), List.of(error), List.of());
        }
    }

    /**
     * What a front end made of a unit: a model, the resources of it that the scan reports (a
     * Terraform root's model also holds modules that were not scanned), and which findings count.
     */
    private record Loaded(int files, ResourceModel model, List<Resource> reported, FindingScope scope,
            List<InputError> errors) {
        static Loaded whole(ResourceModel model) {
            return new Loaded(1, model, model.resources(), (file, address) -> true, List.of());
        }
    }

    /** Whether a finding at this file about this resource address belongs to the scan. */
    @FunctionalInterface
    private interface FindingScope {
        boolean reports(String displayedFile, String resourceAddress);
    }

    /** A unit of work: one file, one Terraform folder's parsing, or one Terraform root configuration. */
    private record Task(String name, Callable<Outcome> work) {}

    /** Paths whose module calls do not count, as they are not scanned either. */
    public Scanner excluding(Predicate<Path> excludedPaths) {
        this.excluded = excludedPaths;
        return this;
    }

    public ScanResult scan(List<FileCollector.Candidate> files, List<InputError> collectionErrors) {
        List<Task> tasks = new ArrayList<>();
        Set<Path> terraformFolders = new LinkedHashSet<>();
        for (FileCollector.Candidate file : files) {
            Path folder = file.path().toAbsolutePath().normalize().getParent();
            if (isTerraformConfiguration(file.displayPath())) {
                terraformFolders.add(folder);
            } else {
                tasks.add(new Task(file.displayPath(), () -> scanOne(file)));
                // A changed variables file changes what its configuration evaluates to.
                if (isVariablesFile(file.displayPath()) && folder != null && ModuleReader.isModuleFolder(folder)) {
                    terraformFolders.add(folder);
                }
            }
        }
        if (!terraformFolders.isEmpty()) {
            TerraformFolders terraform = new TerraformFolders(paths, maxFileSize, variables, Map.of(), excluded);
            // Roots first: each drops its modules' parsed files when it is done, and a folder's
            // counts read afterwards are kept without them (read first, every folder stayed parsed).
            for (Path root : terraform.roots(terraformFolders)) {
                tasks.add(new Task(paths.show(root),
                        () -> check(configuration(terraform.load(root, terraformFolders)))));
            }
            for (Path folder : terraformFolders) {
                tasks.add(new Task(paths.show(folder), () -> new Outcome(terraform.fileCount(folder), 0, 0, 0,
                        List.of(), terraform.folderErrors(folder), List.of())));
            }
        }
        return combine(run(tasks), collectionErrors);
    }

    /** A root configuration's model (its files are counted by their folders' tasks). */
    private static Loaded configuration(TerraformFolders.Configuration configuration) {
        return new Loaded(0, configuration.model(), configuration.reported(), configuration::reports,
                configuration.errors());
    }

    /** Everything after a front end: the rules, the findings that count, and what the reports count. */
    private Outcome check(Loaded loaded) {
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : runner.run(loaded.model(), jobs)) {
            if (loaded.scope().reports(finding.location().file(), finding.resource().address())) {
                findings.add(written.apply(finding, loaded.model().suppressions()));
            }
        }
        Set<Resource> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        reported.addAll(loaded.reported());
        List<Resource> trails = loaded.model().trails().stream().map(Trail::resource).filter(reported::contains)
                .toList();
        return new Outcome(loaded.files(), loaded.reported().size(), trails.size(),
                ResourceModel.unknownValues(loaded.reported()), findings, loaded.errors(), checks(trails));
    }

    /**
     * Runs the tasks on worker threads whose stacks are deep enough for expressions nested
     * thousands deep (the memory is reserved, not used, until needed).
     */
    private List<Outcome> run(List<Task> tasks) {
        List<Outcome> outcomes = new ArrayList<>(tasks.size());
        if (tasks.isEmpty()) {
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()), runnable -> {
            Thread thread = new Thread(null, runnable, "trailwatch-worker", WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                futures.add(pool.submit(() -> call(task)));
            }
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A file too large for the memory given, or nested too deeply, in one task must not hide the
     * other tasks' findings: it is an input error. So is a defect of ours, reported as one.
     */
    private Outcome call(Task task) {
        String name = task.name();
        try {
            return task.work().call();
        } catch (StackOverflowError e) {
            return Outcome.error(new InputError(name, null, "nested too deeply to analyse"));
        } catch (OutOfMemoryError e) {
            return Outcome.error(new InputError(name, null, "not enough memory to analyse this (raise the JVM's -Xmx"
                    + " with TRAILWATCH_JAVA_OPTS, or lower --max-file-size)"));
        } catch (Exception e) {
            internalErrors.accept(e);
            return Outcome.error(new InputError(name, null, "internal error: " + e
                    + " (a defect of trailwatch; run with --debug for the stack trace)"));
        }
    }

    /** Plans may be larger than other files (SPEC: 512 MB); a plan is recognised by its first bytes. */
    private long limitFor(Path path) {
        try {
            if (Files.size(path) <= maxFileSize || !path.toString().endsWith(".json")) {
                return maxFileSize;
            }
            byte[] head = new byte[CloudFormationInput.SNIFF_CHARS];
            int n;
            try (java.io.InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            }
            String text = new String(head, 0, n, StandardCharsets.UTF_8);
            return text.contains("\"format_version\"") && text.contains("\"planned_values\"")
                    ? Math.max(maxFileSize, MAX_PLAN_SIZE) : maxFileSize;
        } catch (java.io.IOException e) {
            return maxFileSize; // reading it fails next, with the reason
        }
    }

    /** Scans files and, first, text that did not come from a file (standard input), named as the user said. */
    public ScanResult scan(SourceFile stdin, List<FileCollector.Candidate> files, List<InputError> collectionErrors) {
        ScanResult rest = scan(files, collectionErrors);
        Task task = isTerraformConfiguration(stdin.displayPath()) || isVariablesOfAModule(stdin)
                ? terraformBuffer(stdin) : new Task(stdin.displayPath(), () -> analyse(stdin));
        List<Outcome> outcomes = new ArrayList<>(run(List.of(task)));
        outcomes.add(new Outcome(rest.files(), rest.resources(), rest.trails(), rest.unknownValues(), rest.findings(),
                List.of(), rest.checks()));
        return combine(outcomes, rest.errors());
    }

    /** An unsaved variables file beside a module's .tf files: its values change what the module evaluates to. */
    private boolean isVariablesOfAModule(SourceFile buffer) {
        Path folder = paths.workingDirectory().resolve(buffer.displayPath()).normalize().getParent();
        return isVariablesFile(buffer.displayPath()) && folder != null && ModuleReader.isModuleFolder(folder);
    }

    /**
     * A Terraform file's (or variables file's) unsaved text: evaluated with the rest of its folder
     * from disk, as if it were saved, and its folder's findings reported.
     */
    private Task terraformBuffer(SourceFile buffer) {
        Path path = paths.workingDirectory().resolve(buffer.displayPath()).normalize();
        SourceFile placed = new SourceFile(path, buffer.displayPath(), buffer.text());
        return new Task(buffer.displayPath(), () -> {
            TerraformFolders terraform = new TerraformFolders(paths, maxFileSize, variables, Map.of(path, placed),
                    excluded);
            Set<Path> folder = Set.of(path.getParent());
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(new Outcome(1, 0, 0, 0, List.of(), terraform.folderErrors(path.getParent()), List.of()));
            for (Path root : terraform.roots(folder)) {
                outcomes.add(check(configuration(terraform.load(root, folder))));
            }
            return merge(outcomes);
        });
    }

    private static Outcome merge(List<Outcome> outcomes) {
        List<Finding> findings = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        List<ScanResult.Check> checks = new ArrayList<>();
        int files = 0;
        int resources = 0;
        int trails = 0;
        int unknown = 0;
        for (Outcome o : outcomes) {
            findings.addAll(o.findings());
            errors.addAll(o.errors());
            checks.addAll(o.checks());
            files += o.files();
            resources += o.resources();
            trails += o.trails();
            unknown += o.unknownValues();
        }
        return new Outcome(files, resources, trails, unknown, findings, errors, checks);
    }

    private ScanResult combine(List<Outcome> outcomes, List<InputError> collectionErrors) {
        Outcome all = merge(outcomes);
        Map<Finding, Finding> findings = new java.util.LinkedHashMap<>();
        for (Finding finding : all.findings()) {
            once(findings, policy.apply(finding, runner.suppressionRule()));
        }
        Set<InputError> errors = new LinkedHashSet<>(collectionErrors);
        errors.addAll(all.errors());
        for (Finding finding : policy.invalidSuppressions(runner.suppressionRule())) {
            once(findings, finding);
        }
        List<Finding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> f.resource().address()));
        List<InputError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(Comparator.comparing(InputError::file)
                .thenComparingInt(e -> e.position() == null ? 0 : e.position().line())
                .thenComparingInt(e -> e.position() == null ? 0 : e.position().column()));
        return new ScanResult(List.copyOf(sorted), List.copyOf(sortedErrors), all.files(), all.resources(),
                all.trails(), all.unknownValues(), List.copyOf(new LinkedHashSet<>(all.checks())));
    }

    /**
     * A finding reached several ways (a module reached from two scanned configurations under the
     * same address, with the same message) is reported once, with the related locations of each.
     */
    private static void once(Map<Finding, Finding> findings, Finding finding) {
        Finding key = new Finding(finding.ruleId(), finding.severity(), finding.location(), finding.resource(),
                finding.message(), finding.remediation(), List.of(), finding.fingerprint(), finding.suppressed(),
                finding.aspect());
        Finding seen = findings.get(key);
        if (seen == null) {
            findings.put(key, finding);
            return;
        }
        Set<Finding.Related> merged = new LinkedHashSet<>(seen.related());
        merged.addAll(finding.related());
        List<Finding.Related> related = new ArrayList<>(merged);
        // In the order of the files, whichever configuration was evaluated first.
        related.sort(Comparator.comparing((Finding.Related r) -> r.location().file())
                .thenComparingInt(r -> r.location().line()).thenComparingInt(r -> r.location().column()));
        findings.put(key, new Finding(seen.ruleId(), seen.severity(), seen.location(), seen.resource(), seen.message(),
                seen.remediation(), List.copyOf(related), seen.fingerprint(), seen.suppressed(), seen.aspect()));
    }

    private Outcome scanOne(FileCollector.Candidate candidate) {
        String name = candidate.displayPath();
        byte[] bytes;
        try {
            long limit = limitFor(candidate.path());
            bytes = InputFiles.read(candidate.path(), limit == maxFileSize ? InputFiles.Limit.option(limit)
                    : new InputFiles.Limit(limit, "the limit for Terraform plans"));
        } catch (InputException e) {
            return Outcome.error(new InputError(name, e.position(), e.getMessage()));
        }
        SourceFile file;
        try {
            file = SourceFile.decode(candidate.path(), name, bytes);
        } catch (InputException e) {
            String head = ByteOrderMarks.present(bytes) ? ByteOrderMarks.head(bytes, CloudFormationInput.SNIFF_CHARS)
                    : new String(bytes, 0, Math.min(bytes.length, CloudFormationInput.SNIFF_CHARS),
                            StandardCharsets.ISO_8859_1);
            return isHcl(name) || CloudFormationInput.marksTemplate(head)
                    ? Outcome.error(new InputError(name, e.position(), e.getMessage()))
                    : Outcome.SKIPPED;
        }
        return analyse(file);
    }

    /**
     * A JSON or YAML file: parsed once, then loaded by the front end that recognises the
     * document (a Terraform plan, a CloudFormation template), or skipped.
     */
    private Outcome analyse(SourceFile file) {
        if (isHcl(file.displayPath())) {
            return checkHclSyntax(file);
        }
        String text = file.text();
        boolean mayBePlan = PlanLoader.isPlan(text);
        if (!mayBePlan && !CloudFormationInput.mayBeTemplate(text)) {
            return Outcome.SKIPPED;
        }
        ResourceModel model;
        try {
            Value document;
            try {
                document = CloudFormationYaml.parse(text);
            } catch (InputException e) {
                if (mayBePlan || CloudFormationInput.marksTemplate(text)) {
                    throw e;
                }
                return Outcome.SKIPPED; // broken, and not meant as a template: someone else's file
            }
            model = PlanLoader.isPlan(document) ? PlanLoader.load(file, document, paths)
                    : CloudFormationInput.read(file, document, parameters);
        } catch (InputException e) {
            return Outcome.error(new InputError(file.displayPath(), e.position(), e.getMessage()));
        }
        return model == null ? Outcome.SKIPPED : check(Loaded.whole(model));
    }

    /** Every rule that checks trails, run on every trail (the JUnit report's test cases). */
    private List<ScanResult.Check> checks(List<Resource> trails) {
        List<ScanResult.Check> out = new ArrayList<>();
        for (Resource trail : trails) {
            for (Rule rule : runner.rules()) {
                if (rule.metadata().checksTrails()) {
                    out.add(new ScanResult.Check(rule.metadata().id(), trail.declaration().file(), trail.address()));
                }
            }
        }
        return out;
    }

    /**
     * Files that are HCL but not part of a configuration (.tfvars, other .hcl files named
     * explicitly, or Terraform text read from standard input) are checked for syntax, so that a
     * broken one is always reported.
     */
    private static Outcome checkHclSyntax(SourceFile file) {
        try {
            ModuleReader.parse(file);
            return Outcome.SYNTAX_OK;
        } catch (InputException e) {
            return Outcome.error(new InputError(file.displayPath(), e.position(), e.getMessage()));
        }
    }

    /** .tf and .tf.json: the files of a Terraform module, analysed folder by folder. */
    static boolean isTerraformConfiguration(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tf") || lower.endsWith(".tf.json");
    }

    static boolean isVariablesFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json");
    }

    /** Any HCL file: Terraform's, its variable files, and other .hcl files named explicitly. */
    static boolean isHcl(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return isTerraformConfiguration(lower) || lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")
                || lower.endsWith(".hcl");
    }
}
