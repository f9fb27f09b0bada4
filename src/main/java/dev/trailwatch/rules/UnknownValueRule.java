package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.List;
import java.util.function.Consumer;

/**
 * TW000 (only with --strict): a value the rules need that cannot be known statically, with the
 * reason the loader recorded, so that a reviewer knows what was not checked.
 */
@RuleInfo(id = "TW000", name = "ValueNotKnownStatically", severity = Severity.NOTE,
        summary = "A value the rules need is not known statically (reported only with --strict)",
        peerIds = {"none: trailwatch's own"}, tags = {"trailwatch"},
        helpUri = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
        securitySeverity = "0.0")
public final class UnknownValueRule extends Rule {
    private static final int MAX_REPORTED = 4;

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            for (Attribute attribute : List.of(trail.logGroupArn(), trail.roleArn())) {
                if (!attribute.isPresent()) {
                    continue;
                }
                List<ValuePaths.Leaf> leaves = ValuePaths.leaves(attribute.value());
                List<ValuePaths.Leaf> unknown = leaves.stream().filter(leaf -> unknownPart(leaf.value()) != null).toList();
                // Many undecided conditions make many unknown paths; the first few show the pattern.
                for (int i = 0; i < Math.min(unknown.size(), MAX_REPORTED); i++) {
                    ValuePaths.Leaf leaf = unknown.get(i);
                    String more = i < MAX_REPORTED - 1 || unknown.size() <= MAX_REPORTED ? ""
                            : ValuePaths.capped(leaves) ? " (and more paths not known statically)"
                            : " (and " + (unknown.size() - MAX_REPORTED) + " more paths not known statically)";
                    Location at = new Location(trail.resource().declaration().file(), attribute.range());
                    report.accept(finding(trail.resource(), at, trail.resource().address() + "'s "
                            + attribute.name() + " is not known statically" + leaf.when() + ": "
                            + unknownPart(leaf.value()).reason() + more,
                            "Nothing to fix; pass the value (--parameter, --var, a plan) to have it checked.")
                            .withAspect(attribute.name() + leaf.when()));
                }
            }
        }
    }

    /** The value itself when it is not known statically, or the first such part of a string built from parts. */
    private static Value.Unknown unknownPart(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Unknown unknown) {
            return unknown;
        }
        if (v instanceof Value.Concatenation concatenation) {
            for (Value part : concatenation.parts()) {
                Value.Unknown inner = unknownPart(part);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
