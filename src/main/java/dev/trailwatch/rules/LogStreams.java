package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.rules.iam.RequestedResources;
import java.util.List;

/**
 * The log streams CloudTrail writes in a trail's log group, as the resources its delivery role
 * must be allowed to act on: ACCOUNT_CloudTrail_REGION streams, and for an organization trail also
 * o-ORGID_ACCOUNT_CloudTrail_REGION ones (each form is a separate request: both must be allowed).
 */
final class LogStreams implements RequestedResources {
    /** Any stream of any log group: what a pattern must be able to match at all. */
    private static final TextForm ANY_STREAM = TextForm.builder().form(ArnText.LOG_GROUP_ARN_WITHOUT_WILDCARD)
            .text(":log-stream:").anything().buildShared();

    private final TextForm streams;
    /** The declared log group the trail names, or null: a pattern naming another declared one matches nothing. */
    private final LogGroup group;
    private final ResourceModel model;

    private LogStreams(TextForm streams, LogGroup group, ResourceModel model) {
        this.streams = streams;
        this.group = group;
        this.model = model;
    }

    /** One request per form of stream name the trail writes. */
    static List<LogStreams> of(Trail trail, ResourceModel model) {
        Value group = trail.logGroupArn().isPresent() ? firstLeaf(trail.logGroupArn().value()) : null;
        LogGroup declared = group == null ? null : ArnText.logGroupNamed(group, model);
        PartialText groupText = group == null ? null : ArnText.of(group, model);
        return (mayBeTrue(trail.isOrganizationTrail()) ? List.of(false, true) : List.of(false)).stream()
                .map(organization -> new LogStreams(streams(groupText, organization), declared, model)).toList();
    }

    @Override
    public Trilean matchedBy(Value pattern) {
        for (Value.Reference r : ArnText.references(pattern)) {
            LogGroup named = model.logGroup(model.resource(r.target()));
            if (named != null && group != null && named != group) {
                return Trilean.FALSE; // another declared log group
            }
        }
        PartialText text = ArnText.of(pattern, model);
        if (text.knownLength() > PartialText.MAX_ARN_LENGTH) {
            return Trilean.FALSE; // longer than any ARN: it names no stream
        }
        TextForm matched = text.iamPattern();
        if (!matched.intersects(streams)) {
            return Trilean.FALSE; // it can never match a stream CloudTrail writes there
        }
        return streams.within(matched) ? Trilean.TRUE : Trilean.UNKNOWN;
    }

    /**
     * The stream ARNs: the group's ARN with its {@code *} replaced by {@code log-stream:} and the
     * stream name, the account and region those of the group's ARN when it names them. Any stream
     * of any group when the group's ARN is not known to be one CloudTrail accepts.
     */
    private static TextForm streams(PartialText group, boolean organization) {
        PartialText base = group == null ? null : group.withoutSuffix("*");
        if (base == null || !group.form().within(ArnText.LOG_GROUP_ARN)) {
            return ANY_STREAM;
        }
        String account = group.knownField(4);
        String region = group.knownField(3);
        TextForm.Builder name = TextForm.builder().form(base.form()).text("log-stream:");
        if (organization) {
            name.text("o-").some(TextForm.characters("a-z0-9"), 10, false).text("_");
        }
        if (account != null && !account.isEmpty()) {
            name.text(account);
        } else {
            name.some(TextForm.characters("0-9"), 12, true);
        }
        name.text("_CloudTrail_");
        if (region != null && !region.isEmpty()) {
            name.text(region);
        } else {
            name.some(TextForm.characters("a-z0-9-"), 1, false);
        }
        return name.anything().build();
    }

    private static Value firstLeaf(Value value) {
        List<ValuePaths.Leaf> leaves = ValuePaths.leaves(value);
        return leaves.isEmpty() ? null : leaves.get(0).value();
    }

    /** Whether some value the attribute can take is true. */
    private static boolean mayBeTrue(dev.trailwatch.model.aws.Attribute attribute) {
        return attribute.isPresent() && ValuePaths.leaves(attribute.value()).stream()
                .anyMatch(leaf -> Truth.of(leaf.value()).isTrue());
    }
}
