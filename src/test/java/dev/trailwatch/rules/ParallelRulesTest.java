package dev.trailwatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cloudformation.CloudFormationInput;
import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The trail rules of a model with many trails run on several threads (-j): the findings must be
 * those of one thread, in the same order, and the threads must share the model's indexes safely.
 */
class ParallelRulesTest {
    private static final int VARIANTS = 9;
    private static final int TRAILS = 25 * VARIANTS;
    private static final String FILE = "many-trails.yaml";

    @Test
    void findingsOnManyTrailsAreTheSameAndInTheSameOrderOnSeveralThreads() {
        RuleRunner runner = new RuleRunner(Rules.all(), LocalDate.of(2026, 1, 1)); // TW000 too, as --strict runs
        List<Finding> sequential = runner.run(manyTrails(), 1);

        // Each kind of trail the template repeats gives its finding, once per trail of that kind.
        Map<String, Integer> byRule = new TreeMap<>();
        sequential.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        assertEquals(Map.of("TW000", 25, "TW001", 25, "TW002", 50, "TW003", 50, "TW004", 25, "TW005", 25), byRule);
        assertEquals("Trail1 is not integrated with CloudWatch Logs: CloudWatchLogsLogGroupArn and"
                + " CloudWatchLogsRoleArn are not set", sequential.stream().filter(f -> f.ruleId().equals("TW001"))
                .findFirst().orElseThrow().message());

        for (int jobs : new int[] {2, 3, 8}) {
            // A fresh model each time: its indexes are built by whichever thread asks first.
            assertEquals(sequential, runner.run(manyTrails(), jobs), "-j " + jobs);
        }
    }

    @Test
    void aFewTrailsAreCheckedOnTheCallingThreadAlone() {
        ThreadsSeen rule = new ThreadsSeen(null, () -> { });
        ResourceModel model = model(template(RuleRunner.PARALLEL_TRAILS - 1));
        new RuleRunner(List.of(rule), LocalDate.of(2026, 1, 1)).run(model, 4);
        assertEquals(Set.of(Thread.currentThread().getName()), rule.threads.keySet());
    }

    @Test
    void helpersCheckTrailsWithStacksAsDeepAsTheScansWorkers() {
        // The calling thread waits on its first trail until a helper has checked one, so both take part.
        CountDownLatch helperStarted = new CountDownLatch(1);
        // As a rule does over values nested thousands deep: far more than a default thread stack holds.
        ThreadsSeen rule = new ThreadsSeen(helperStarted, () -> assertEquals(NESTING, nest(NESTING)));
        List<Finding> findings = new RuleRunner(List.of(rule), LocalDate.of(2026, 1, 1)).run(manyTrails(), 2);

        assertTrue(rule.threads.keySet().stream().anyMatch(name -> name.equals("trailwatch-rules")), rule.threads
                .toString());
        assertTrue(rule.threads.containsKey(Thread.currentThread().getName()), rule.threads.toString());
        // Every trail once, in the model's order, whichever thread checked it.
        assertEquals(TRAILS, findings.size());
        for (int i = 0; i < TRAILS; i++) {
            assertEquals("Trail" + i, findings.get(i).resource().address());
        }
    }

    @Test
    void anErrorOnAHelperReachesTheCallerWhichTheScanReportsAsAnInputError() {
        CountDownLatch helperStarted = new CountDownLatch(1);
        ThreadsSeen rule = new ThreadsSeen(helperStarted, () -> {
            throw new StackOverflowError("nested too deeply on a helper");
        });
        RuleRunner runner = new RuleRunner(List.of(rule), LocalDate.of(2026, 1, 1));
        StackOverflowError error = assertThrows(StackOverflowError.class, () -> runner.run(manyTrails(), 2));
        assertEquals("nested too deeply on a helper", error.getMessage());
    }

    @Test
    void aWorkerOfAFullFixedPoolFinishesWithoutHelpersThatCannotStart() throws Exception {
        // The scan's workers are a fixed pool; the rules must not wait for a thread of theirs.
        RuleRunner runner = new RuleRunner(Rules.all(), LocalDate.of(2026, 1, 1));
        List<Finding> expected = runner.run(manyTrails(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<List<Finding>> found = pool.submit(() -> runner.run(manyTrails(), 2));
            assertEquals(expected, found.get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDerivedValueMayBeBuiltFromAnotherAndIsBuiltOnce() {
        ResourceModel model = model(template(2));
        List<String> built = new ArrayList<>();
        // Many keys: the map would refuse a nested computeIfAbsent that lands in the same bin.
        for (int key = 0; key < 64; key++) {
            int inner = key;
            String outer = model.derived("outer" + key, m -> {
                built.add("outer" + inner);
                return "from " + m.derived("inner" + inner, n -> {
                    built.add("inner" + inner);
                    return "inner" + inner;
                });
            });
            assertEquals("from inner" + key, outer);
            assertSame(outer, model.derived("outer" + key, m -> "again"));
        }
        assertEquals(128, built.size());
    }

    /** Records which threads checked trails and reports each trail once, naming it. */
    private static final class ThreadsSeen extends TrailRule {
        private static final RuleMetadata METADATA = RuleMetadata.rule("TW998", "ThreadsSeen", Severity.NOTE)
                .summary("Reports every trail")
                .helpUri("https://example.invalid/")
                .securitySeverity("0.0").build();

        final Map<String, Integer> threads = new ConcurrentHashMap<>();
        private final CountDownLatch helperStarted;
        private final Runnable onHelper;
        private final Thread caller = Thread.currentThread();

        /** With a latch, the caller waits on its first trail until a helper has started, which then runs onHelper. */
        ThreadsSeen(CountDownLatch helperStarted, Runnable onHelper) {
            super(METADATA);
            this.helperStarted = helperStarted;
            this.onHelper = onHelper;
        }

        @Override
        public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
            threads.merge(Thread.currentThread().getName(), 1, Integer::sum);
            if (helperStarted != null && Thread.currentThread() != caller) {
                helperStarted.countDown();
                onHelper.run();
            } else if (helperStarted != null && !await(helperStarted)) {
                throw new AssertionError("no helper took a trail within a minute");
            }
            report.accept(finding(trail.resource(), trail.resource().declaration(), trail.resource().address(), ""));
        }


        private static boolean await(CountDownLatch latch) {
            try {
                return latch.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static final int NESTING = 200_000;

    private static int nest(int depth) {
        return depth == 0 ? 0 : 1 + nest(depth - 1);
    }

    private static ResourceModel manyTrails() {
        return model(template(TRAILS));
    }

    private static ResourceModel model(String template) {
        try {
            return CloudFormationInput.read(new SourceFile(Path.of(FILE), FILE, template), ParameterValues.none());
        } catch (dev.trailwatch.source.InputException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Trails of nine kinds in turn: integrated and watched, not integrated, a log group's name
     * where its ARN belongs, an ARN without :*, a role CloudTrail cannot assume, a role without
     * the permissions, not logging, a log group nobody watches, a log group given as a parameter.
     */
    private static String template(int trails) {
        StringBuilder out = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\n"
                + "Parameters:\n  GroupArn:\n    Type: String\nResources:\n");
        for (int i = 0; i < trails; i++) {
            int kind = i % VARIANTS;
            String group = switch (kind) {
                case 2 -> "!Ref Group" + i;
                case 3 -> "arn:aws:logs:us-east-1:123456789012:log-group:audit-" + i;
                case 8 -> "!Ref GroupArn";
                default -> "!GetAtt Group" + i + ".Arn";
            };
            String service = kind == 4 ? "ec2.amazonaws.com" : "cloudtrail.amazonaws.com";
            String actions = kind == 5 ? "[logs:DescribeLogGroups]" : "[logs:CreateLogStream, logs:PutLogEvents]";
            out.append("  Group").append(i).append(":\n    Type: AWS::Logs::LogGroup\n")
                    .append("  Role").append(i).append(":\n    Type: AWS::IAM::Role\n    Properties:\n")
                    .append("      AssumeRolePolicyDocument:\n        Statement:\n")
                    .append("          - {Effect: Allow, Principal: {Service: ").append(service)
                    .append("}, Action: sts:AssumeRole}\n")
                    .append("      Policies:\n        - PolicyName: deliver\n          PolicyDocument:\n")
                    .append("            Statement:\n              - {Effect: Allow, Action: ").append(actions)
                    .append(", Resource: \"*\"}\n")
                    .append("  Trail").append(i).append(":\n    Type: AWS::CloudTrail::Trail\n    Properties:\n")
                    .append("      IsLogging: ").append(kind == 6 ? "false" : "true").append('\n')
                    .append("      S3BucketName: audit-logs\n");
            if (kind != 1) {
                out.append("      CloudWatchLogsLogGroupArn: ").append(group).append('\n')
                        .append("      CloudWatchLogsRoleArn: !GetAtt Role").append(i).append(".Arn\n");
            }
            if (kind != 7) {
                out.append("  Filter").append(i).append(":\n    Type: AWS::Logs::MetricFilter\n    Properties:\n")
                        .append("      LogGroupName: !Ref Group").append(i).append('\n')
                        .append("      FilterPattern: '{ $.errorCode = \"AccessDenied*\" }'\n")
                        .append("      MetricTransformations:\n        - {MetricName: Denied").append(i)
                        .append(", MetricNamespace: Audit, MetricValue: \"1\"}\n")
                        .append("  Alarm").append(i).append(":\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n")
                        .append("      MetricName: Denied").append(i).append("\n      Namespace: Audit\n")
                        .append("      AlarmActions: [arn:aws:sns:us-east-1:123456789012:security]\n");
            }
        }
        return out.toString();
    }
}
