package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.aws.Trail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the chosen rules on a model, and TW100 on the suppressions written in its sources (which
 * of those hold for a finding is policy's to decide). The trail rules of a model with many trails
 * run on several threads, trail by trail; the findings come out in the order one thread gives.
 */
public final class RuleRunner {
    /** Below this many trails, handing the trails out costs more than checking them on one thread. */
    static final int PARALLEL_TRAILS = 64;
    /** Trails a thread takes at a time: few enough that the threads finish together. */
    private static final int TRAILS_PER_CHUNK = 8;
    /** As deep as the scan's workers': rules recurse over values nested thousands deep. */
    private static final long HELPER_STACK_BYTES = 256L * 1024 * 1024;
    /**
     * Threads that help a scan's worker check its trails. The worker checks trails itself too, so
     * it never waits for a helper that has not started (whatever pool the worker belongs to).
     */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(null, runnable, "trailwatch-rules", HELPER_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    private final List<Rule> rules;
    private final SuppressionRule suppressions;

    public RuleRunner(List<Rule> rules, LocalDate today) {
        this(rules, today, SuppressionSettings.DEFAULT);
    }

    public RuleRunner(List<Rule> rules, LocalDate today, SuppressionSettings settings) {
        this(rules, () -> today, settings);
    }

    /** {@code clock}: the day expiry dates are compared with, read only if one is. */
    public RuleRunner(List<Rule> rules, Supplier<LocalDate> clock, SuppressionSettings settings) {
        Set<String> known = Rules.all().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        this.suppressions = new SuppressionRule(known, clock, settings);
        List<Rule> all = new ArrayList<>();
        for (Rule rule : rules) {
            if (!(rule instanceof SuppressionRule)) { // the registry's copy knows no rule ids and no date
                all.add(rule);
            }
        }
        all.add(suppressions);
        this.rules = List.copyOf(all);
    }

    public SuppressionRule suppressionRule() {
        return suppressions;
    }

    /** Every rule's ids (for counting what was checked). */
    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> run(ResourceModel model) {
        return run(model, 1);
    }

    /** The rules' findings on the model, using up to {@code jobs} threads for its trails. */
    public List<Finding> run(ResourceModel model, int jobs) {
        List<TrailRule> trailRules = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof TrailRule trailRule) {
                trailRules.add(trailRule);
            }
        }
        List<Finding>[][] byTrail = jobs > 1 && model.trails().size() >= PARALLEL_TRAILS && !trailRules.isEmpty()
                ? checkTrails(model, trailRules, jobs) : null;
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (byTrail != null && rule instanceof TrailRule trailRule) {
                int r = trailRules.indexOf(trailRule);
                for (List<Finding>[] trail : byTrail) {
                    findings.addAll(trail[r]);
                }
            } else {
                rule.check(model, findings::add);
            }
        }
        return findings;
    }

    /**
     * Each trail's findings by rule, the trails taken a chunk at a time by this thread and up to
     * {@code jobs - 1} helpers. When this thread runs out of chunks it calls off the helpers that
     * have not started and waits for the others to finish their chunk.
     */
    private static List<Finding>[][] checkTrails(ResourceModel model, List<TrailRule> rules, int jobs) {
        List<Trail> trails = model.trails();
        @SuppressWarnings("unchecked")
        List<Finding>[][] byTrail = new List[trails.size()][];
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                int start;
                while (failure.get() == null && (start = nextChunk.getAndAdd(TRAILS_PER_CHUNK)) < trails.size()) {
                    for (int i = start; i < Math.min(start + TRAILS_PER_CHUNK, trails.size()); i++) {
                        byTrail[i] = check(model, trails.get(i), rules);
                    }
                }
            } catch (Throwable e) { // StackOverflowError and OutOfMemoryError too: the scan reports them
                failure.compareAndSet(null, e);
            }
        };
        int chunks = (trails.size() + TRAILS_PER_CHUNK - 1) / TRAILS_PER_CHUNK;
        List<Helper> helpers = new ArrayList<>();
        for (int i = 0; i < Math.min(jobs - 1, chunks - 1); i++) {
            Helper helper = new Helper(work);
            helpers.add(helper);
            HELPERS.execute(helper);
        }
        work.run();
        for (Helper helper : helpers) {
            helper.finish();
        }
        Throwable failed = failure.get();
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        return byTrail;
    }

    /** One trail's findings, rule by rule. */
    private static List<Finding>[] check(ResourceModel model, Trail trail, List<TrailRule> rules) {
        @SuppressWarnings("unchecked")
        List<Finding>[] found = new List[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            List<Finding> findings = new ArrayList<>(0);
            rules.get(r).checkTrail(model, trail, findings::add);
            found[r] = findings;
        }
        return found;
    }

    /**
     * One helper's run of the work, which the calling thread can call off before it starts (a
     * Future cannot tell: cancelling a running task succeeds while the task runs on).
     */
    private static final class Helper implements Runnable {
        private final Runnable work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);

        Helper(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    work.run();
                } finally {
                    done.countDown();
                }
            }
        }

        /** Calls it off, or waits for it to end (after which what it wrote is visible to the caller). */
        void finish() {
            if (claimed.compareAndSet(false, true)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // it ends with its chunk: leaving earlier would let it write behind us
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
