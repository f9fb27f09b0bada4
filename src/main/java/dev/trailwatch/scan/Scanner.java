package dev.trailwatch.scan;

import dev.trailwatch.cloudformation.CloudFormationInput;
import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.HclJson;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads, loads and checks files in parallel. Each file is read, parsed and turned into its model
 * on a worker and nothing of its raw tree outlives that; one file's failure never hides another's
 * findings.
 */
public final class Scanner {
    public static final long DEFAULT_MAX_FILE_SIZE = 64L * 1024 * 1024;

    private final List<Rule> rules;
    private final ParameterValues parameters;
    private final long maxFileSize;
    private final int jobs;

    public Scanner(List<Rule> rules, ParameterValues parameters, long maxFileSize, int jobs) {
        this.rules = rules;
        this.parameters = parameters;
        this.maxFileSize = maxFileSize;
        this.jobs = Math.max(1, jobs);
    }

    /** What one file contributed. */
    private record Outcome(boolean read, boolean terraform, int resources, int trails, List<Finding> findings,
            InputError error) {
        static final Outcome SKIPPED = new Outcome(false, false, 0, 0, List.of(), null);
        /** A Terraform file that parsed; it is not analysed yet. */
        static final Outcome TERRAFORM = new Outcome(false, true, 0, 0, List.of(), null);

        static Outcome error(InputError error) {
            return new Outcome(true, false, 0, 0, List.of(), error);
        }

        static Outcome terraformError(InputError error) {
            return new Outcome(false, true, 0, 0, List.of(), error);
        }
    }

    public ScanResult scan(List<FileCollector.Candidate> files, List<InputError> collectionErrors) {
        List<Outcome> outcomes = new ArrayList<>(files.size());
        if (jobs == 1 || files.size() <= 1) {
            for (FileCollector.Candidate file : files) {
                outcomes.add(scanOne(file));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), runnable -> {
                Thread thread = new Thread(runnable, "trailwatch-worker");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<Outcome>> futures = new ArrayList<>(files.size());
                for (FileCollector.Candidate file : files) {
                    futures.add(pool.submit(() -> scanOne(file)));
                }
                for (Future<Outcome> future : futures) {
                    outcomes.add(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return combine(outcomes, collectionErrors);
    }

    /** Scans text that did not come from a file (standard input), named as the user said. */
    public ScanResult scanText(SourceFile file) {
        return combine(List.of(analyse(file)), List.of());
    }

    private static ScanResult combine(List<Outcome> outcomes, List<InputError> collectionErrors) {
        List<Finding> findings = new ArrayList<>();
        List<InputError> errors = new ArrayList<>(collectionErrors);
        int read = 0;
        int resources = 0;
        int trails = 0;
        int terraform = 0;
        for (Outcome outcome : outcomes) {
            findings.addAll(outcome.findings());
            if (outcome.error() != null) {
                errors.add(outcome.error());
            }
            read += outcome.read() ? 1 : 0;
            terraform += outcome.terraform() ? 1 : 0;
            resources += outcome.resources();
            trails += outcome.trails();
        }
        findings.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId));
        return new ScanResult(List.copyOf(findings), List.copyOf(errors), read, resources, trails, terraform);
    }

    private Outcome scanOne(FileCollector.Candidate candidate) {
        String name = candidate.displayPath();
        byte[] bytes;
        try {
            bytes = SourceFile.readBytes(candidate.path(), maxFileSize);
        } catch (InputException e) {
            return Outcome.error(new InputError(name, e.position(), e.getMessage()));
        }
        SourceFile file;
        try {
            file = SourceFile.decode(candidate.path(), name, bytes);
        } catch (InputException e) {
            if (isTerraform(name)) {
                return Outcome.terraformError(new InputError(name, e.position(), e.getMessage()));
            }
            String head = new String(bytes, 0, Math.min(bytes.length, CloudFormationInput.SNIFF_CHARS),
                    StandardCharsets.ISO_8859_1);
            return CloudFormationInput.marksTemplate(head)
                    ? Outcome.error(new InputError(name, e.position(), e.getMessage()))
                    : Outcome.SKIPPED;
        }
        return analyse(file);
    }

    private Outcome analyse(SourceFile file) {
        if (isTerraform(file.displayPath())) {
            return checkTerraformSyntax(file);
        }
        try {
            ResourceModel model = CloudFormationInput.read(file, parameters);
            if (model == null) {
                return Outcome.SKIPPED;
            }
            List<Finding> findings = new ArrayList<>();
            for (Rule rule : rules) {
                rule.check(model, findings::add);
            }
            return new Outcome(true, false, model.resources().size(), model.trails().size(), findings, null);
        } catch (InputException e) {
            return Outcome.error(new InputError(file.displayPath(), e.position(), e.getMessage()));
        } catch (StackOverflowError e) {
            return Outcome.error(new InputError(file.displayPath(), null, "nested too deeply to analyse"));
        } catch (RuntimeException e) {
            // A defect of ours must not hide the other files' findings; it is reported, not thrown.
            return Outcome.error(new InputError(file.displayPath(), null,
                    "internal error while analysing this file: " + e));
        }
    }

    /**
     * Terraform files are parsed, so that a broken one is always reported; turning them into the
     * resource model is the next step of the product.
     */
    private static Outcome checkTerraformSyntax(SourceFile file) {
        try {
            if (isTerraformJson(file.displayPath())) {
                HclJson.parse(file.text());
            } else {
                HclSyntax.parse(file.text());
            }
            return Outcome.TERRAFORM;
        } catch (InputException e) {
            return Outcome.terraformError(new InputError(file.displayPath(), e.position(), e.getMessage()));
        } catch (RuntimeException e) {
            return Outcome.terraformError(new InputError(file.displayPath(), null,
                    "internal error while parsing this file: " + e));
        }
    }

    /** HCL files: Terraform's .tf, .tfvars and their JSON forms, and other .hcl files named explicitly. */
    static boolean isTerraform(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tf") || lower.endsWith(".tfvars") || lower.endsWith(".hcl")
                || isTerraformJson(lower);
    }

    static boolean isTerraformJson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tf.json") || lower.endsWith(".tfvars.json");
    }
}
