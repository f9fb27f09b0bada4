package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * TW000 (only with --strict): a value the rules could not settle on its known parts (TW002 for
 * the log group, TW003 for the role), naming the part that stays open, so that a reviewer knows
 * what was not checked. A value whose known parts decide is never a note.
 */
public final class UnknownValueRule extends TrailRule {
    private static final RuleMetadata METADATA = RuleMetadata.rule("TW000", "ValueNotKnownStatically", Severity.NOTE)
            .summary("A value the rules need is not known statically (reported only with --strict)")
            .tags("trailwatch")
            .helpUri("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html")
            .securitySeverity("0.0")
            .kind(RuleKind.UNKNOWN_VALUES).build();

    public UnknownValueRule() {
        super(METADATA);
    }

    private static final int MAX_REPORTED = 4;

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        report(trail, trail.logGroupArn(), leaf -> LogGroupArnRule.judge(leaf, trail, model), report);
        report(trail, trail.roleArn(), leaf -> DeliveryRoleRule.judge(leaf, trail, model), report);
    }

    /** A note for each way the attribute's value stays open to the rule that judges it. */
    private void report(Trail trail, Attribute attribute, Function<Value, Verdict> judge, Consumer<Finding> report) {
        if (!attribute.isPresent()) {
            return;
        }
        List<ValuePaths.Leaf> leaves = ValuePaths.leaves(attribute.value());
        List<ValuePaths.Leaf> open = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ValuePaths.Leaf leaf : leaves) {
            Verdict verdict = judge.apply(leaf.value());
            if (verdict.isOpen()) {
                open.add(leaf);
                reasons.add(verdict.text());
            }
        }
        // Many undecided conditions make many open paths; the first few show the pattern.
        for (int i = 0; i < Math.min(open.size(), MAX_REPORTED); i++) {
            ValuePaths.Leaf leaf = open.get(i);
            String more = i < MAX_REPORTED - 1 || open.size() <= MAX_REPORTED ? ""
                    : ValuePaths.capped(leaves) ? " (and more paths not known statically)"
                    : " (and " + (open.size() - MAX_REPORTED) + " more paths not known statically)";
            Location at = new Location(trail.resource().declaration().file(), attribute.range());
            report.accept(finding(trail.resource(), at, trail.resource().address() + "'s " + attribute.name()
                    + " is not known statically" + leaf.when() + ": " + reasons.get(i) + more,
                    "Nothing to fix; pass the value (--parameter, --var, a plan) to have it checked.")
                    .withAspect(attribute.name() + leaf.when()));
        }
    }
}
