package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.PolicyAttachment;
import dev.trailwatch.model.aws.PolicyDocument;
import dev.trailwatch.model.aws.Role;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * TW003: the role CloudTrail would use cannot deliver: the value is not an IAM role ARN, or the
 * role (declared here) does not trust cloudtrail.amazonaws.com, or its visible policies, all
 * statements together, do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's
 * log streams. What cannot be seen (AWS-managed policies, other stacks) makes it unknown, never
 * a finding.
 */
@RuleInfo(id = "TW003", name = "CloudTrailDeliveryRoleUsable", severity = Severity.ERROR,
        summary = "The trail's CloudWatch Logs role must be an IAM role that CloudTrail can assume and that may"
                + " create log streams and put log events in the trail's log group",
        peerIds = {"CloudTrail.5"}, tags = {"security", "CIS-AWS-1.4.0/3.4"},
        helpUri = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html",
        securitySeverity = "5.5")
public final class DeliveryRoleRule extends Rule {
    private static final List<String> ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    /** Any stream of any log group: what a pattern must be able to match at all. */
    private static final TextForm ANY_STREAM = TextForm.builder().form(ArnText.LOG_GROUP_ARN_WITHOUT_WILDCARD)
            .text(":log-stream:").anything().build();

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            // Absent is TW001's.
            reportProblems(trail, trail.roleArn(), v -> LogGroupArnRule.problemText(judge(v, trail, model)),
                    "'s CloudWatch Logs role cannot deliver: ",
                    "Give the trail an IAM role that trusts cloudtrail.amazonaws.com (sts:AssumeRole) and allows"
                            + " logs:CreateLogStream and logs:PutLogEvents on the log group's log-stream:*;"
                            + " see `trailwatch explain TW003`.", report);
        }
    }

    /**
     * What TW003 decides about one possible value: judged on its known parts; when it names a
     * role declared here (by reference or by its literal name), that role's trust and policies.
     */
    static Verdict judge(Value value, Trail trail, ResourceModel model) {
        Value first = Values.unwrap(value) instanceof Value.Concatenation c && !c.parts().isEmpty()
                ? Values.unwrap(c.parts().get(0)) : Values.unwrap(value);
        if (first instanceof Value.Reference r && LogGroupArnRule.isArnOrName(r, model)) {
            Resource target = model.resource(r.target());
            if (target != null && model.role(target) == null) {
                return Verdict.problem("refers to " + r.target() + " (" + target.type() + "), not an IAM role");
            }
        }
        PartialText text = ArnText.of(value, model);
        if ("".equals(text.text())) {
            return Verdict.ACCEPTED; // empty is TW001's
        }
        if (text.knownLength() > PartialText.MAX_ARN_LENGTH) {
            return Verdict.problem("is " + text.knownLength() + " characters long, longer than any ARN (at most "
                    + PartialText.MAX_ARN_LENGTH + ")");
        }
        TextForm form = text.form();
        if (!form.intersects(ArnText.ROLE_ARN)) {
            if (Values.unwrap(value) instanceof Value.Reference r) {
                Role named = model.role(model.resource(r.target()));
                if (named != null && named.references().isName(r.attribute())) {
                    return Verdict.problem("is the name of role " + named.resource().address()
                            + ", not its ARN: refer to its " + named.references().arnAttributes().iterator().next());
                }
            }
            String known = text.text();
            return Verdict.problem(known != null
                    ? "is \"" + known + "\", not an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)"
                    : "is \"" + text.display() + "\", which can never be an IAM role ARN"
                            + " (arn:PARTITION:iam::ACCOUNT:role/NAME)");
        }
        if (!form.within(ArnText.ROLE_ARN)) {
            return Verdict.open(LogGroupArnRule.openReason(text));
        }
        Role role = ArnText.roleNamed(value, model);
        if (role == null) {
            return Verdict.ACCEPTED; // a role declared elsewhere: nothing to read
        }
        String where = " (" + role.resource().address() + " at " + at(role.resource().declaration()) + ")";
        if (!trusted(role)) {
            return Verdict.problem("names a role whose trust policy does not let cloudtrail.amazonaws.com"
                    + " sts:AssumeRole" + where);
        }
        Permissions permissions = permissions(role, trail, model);
        if (permissions.invisible() != null) {
            return Verdict.open("the permissions of role " + role.resource().address() + " are not all visible: "
                    + permissions.invisible());
        }
        if (!permissions.missing().isEmpty()) {
            return Verdict.problem("names a role whose policies do not allow " + String.join(" and ",
                    permissions.missing()) + " on the trail's log streams" + where);
        }
        return Verdict.ACCEPTED;
    }

    private static String at(Location location) {
        return location.file() + ":" + location.line();
    }

    // ---- trust ----

    /** True unless the trust policy is readable and lets nobody matching CloudTrail assume the role. */
    private static boolean trusted(Role role) {
        if (!role.trustPolicy().isPresent()) {
            return true; // required by both formats: its absence is the deployment's error, not ours to guess
        }
        PolicyDocument trust = PolicyDocument.of(role.trustPolicy().value());
        if (trust == null) {
            return true;
        }
        boolean allowed = false;
        for (PolicyDocument.Statement s : trust.statements()) {
            Boolean action = actionAllows(s, "sts:AssumeRole");
            Boolean principal = cloudTrailPrincipal(s.principal());
            if (action == null || principal == null) {
                return true; // not readable statically
            }
            if (action && principal) {
                if (!s.allow() && !s.conditional()) {
                    return false;
                }
                allowed |= s.allow();
            }
        }
        return allowed;
    }

    private static Boolean cloudTrailPrincipal(Value principal) {
        if (principal == null) {
            return false;
        }
        Value p = Values.unwrap(principal);
        if (p instanceof Value.Text t) {
            return t.text().equals("*");
        }
        if (!(p instanceof Value.MapValue map)) {
            return null;
        }
        for (Value.Entry entry : map.entries().values()) {
            for (Value id : Values.items(entry.value())) {
                String text = Values.scalarText(id);
                if (text == null) {
                    return null;
                }
                if (text.equals("*") || entry.key().equals("Service")
                        && text.toLowerCase(Locale.ROOT).equals("cloudtrail.amazonaws.com")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- permissions ----

    /**
     * What the role's visible policies do not allow on the trail's streams; {@code invisible} says
     * why that cannot be told (a policy that cannot be seen may grant it), else null.
     */
    private record Permissions(List<String> missing, String invisible) {}

    private static Permissions permissions(Role role, Trail trail, ResourceModel model) {
        List<PolicyDocument> documents = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        for (Attribute inline : role.inlinePolicies()) {
            if (!add(inline.value(), documents)) {
                invisible.add("an inline policy is not known statically");
            }
        }
        if (role.managedPolicyArns().isPresent()) {
            for (Value arn : Values.items(role.managedPolicyArns().value())) {
                if (!addByArn(arn, model, documents)) {
                    invisible.add("managed policy " + shown(arn, model) + " is not declared here");
                }
            }
        }
        String roleName = role.name().isPresent() ? Values.scalarText(role.name().value()) : null;
        for (PolicyAttachment attachment : RoleAttachments.of(model).candidates(role.resource(), roleName)) {
            Boolean attached = attaches(attachment, role, model);
            String name = attachment.resource().address();
            if (attached == null) {
                // It may be this role's: that matters only when what it attaches is declared here and
                // may grant log delivery. A policy we cannot see attached to a role we cannot name is
                // taken as someone else's, or one unrelated attachment would hide every finding.
                List<PolicyDocument> attachedDocuments = new ArrayList<>();
                if (attachment.document().isPresent()) {
                    if (!add(attachment.document().value(), attachedDocuments) || mayGrantDelivery(attachedDocuments)) {
                        invisible.add(name + " may attach a policy to it (its role is not known statically)");
                    }
                } else if (attachment.policyArn().isPresent()
                        && addByArn(attachment.policyArn().value(), model, attachedDocuments)
                        && mayGrantDelivery(attachedDocuments)) {
                    invisible.add(name + " may attach a policy to it (its role is not known statically)");
                }
                continue;
            }
            if (!attached) {
                continue;
            }
            if (attachment.document().isPresent()) {
                if (!add(attachment.document().value(), documents)) {
                    invisible.add("the policy of " + name + " is not known statically");
                }
            } else if (attachment.policyArn().isPresent()) {
                if (!addByArn(attachment.policyArn().value(), model, documents)) {
                    invisible.add("policy " + shown(attachment.policyArn().value(), model) + " attached by " + name
                            + " is not declared here");
                }
            } else {
                invisible.add("the policy of " + name + " is not known statically");
            }
        }
        if (documents.isEmpty() && invisible.isEmpty()) {
            invisible.add("it has no permission policy declared here");
        }
        if (!invisible.isEmpty()) {
            return new Permissions(List.of(), String.join("; ", invisible));
        }
        boolean organization = isTrue(trail.isOrganizationTrail());
        Value group = trail.logGroupArn().isPresent() ? firstLeaf(trail.logGroupArn().value()) : null;
        LogGroup trailGroup = group == null ? null : ArnText.logGroupNamed(group, model);
        PartialText groupText = group == null ? null : ArnText.of(group, model);
        // CloudTrail writes ACCOUNT_CloudTrail_REGION streams, and for an organization trail also
        // o-ORGID_ACCOUNT_CloudTrail_REGION ones: every form needed must be allowed.
        List<TextForm> forms = organization ? List.of(streams(groupText, false), streams(groupText, true))
                : List.of(streams(groupText, false));
        List<String> missing = new ArrayList<>();
        for (String action : ACTIONS) {
            boolean everyForm = true;
            for (TextForm streams : forms) {
                boolean allowed = false;
                boolean denied = false;
                for (PolicyDocument document : documents) {
                    for (PolicyDocument.Statement s : document.statements()) {
                        Boolean matches = actionAllows(s, action);
                        Boolean covers = Boolean.TRUE.equals(matches) ? covers(s, streams, trailGroup, model) : null;
                        if (s.allow()) {
                            // What cannot be read counts as allowing: a finding needs certainty.
                            allowed |= matches == null || matches && (covers == null || covers);
                        } else if (!s.conditional()) {
                            denied |= Boolean.TRUE.equals(matches) && Boolean.TRUE.equals(covers);
                        }
                    }
                }
                everyForm &= allowed && !denied; // an explicit, unconditional Deny wins over any Allow
            }
            if (!everyForm) {
                missing.add(action);
            }
        }
        return new Permissions(missing, null);
    }

    /** A policy ARN as the user would recognise it. */
    private static String shown(Value arn, ResourceModel model) {
        PartialText text = ArnText.of(arn, model);
        return text.text() != null ? text.text() : text.display();
    }

    private static boolean mayGrantDelivery(List<PolicyDocument> documents) {
        for (PolicyDocument document : documents) {
            for (PolicyDocument.Statement s : document.statements()) {
                for (String action : ACTIONS) {
                    if (s.allow() && !Boolean.FALSE.equals(actionAllows(s, action))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean add(Value policy, List<PolicyDocument> documents) {
        PolicyDocument document = policy == null ? null : PolicyDocument.of(policy);
        if (document == null) {
            return false;
        }
        documents.add(document);
        return true;
    }

    /** A policy named by ARN: visible only when it is declared here. */
    private static boolean addByArn(Value arn, ResourceModel model, List<PolicyDocument> documents) {
        if (Values.unwrap(arn) instanceof Value.Reference r) {
            Resource target = model.resource(r.target());
            RoleAttachments index = RoleAttachments.of(model);
            ManagedPolicy policy = index.policy(target);
            if (policy != null && policy.document().isPresent()) {
                return add(policy.document().value(), documents);
            }
            PolicyAttachment attachment = index.attachment(target);
            if (attachment != null && attachment.document().isPresent()) {
                return add(attachment.document().value(), documents);
            }
        }
        return false; // an AWS-managed or foreign policy
    }

    /**
     * Whether an attachment names the role: by reference, or by the role's name written out;
     * null when a role it names is not known statically (a variable, another resource's output).
     */
    private static Boolean attaches(PolicyAttachment attachment, Role role, ResourceModel model) {
        String roleName = role.name().isPresent() ? Values.scalarText(role.name().value()) : null;
        boolean unknown = false;
        for (Value value : attachment.roles()) {
            for (Value item : Values.items(value)) {
                Value v = Values.unwrap(item);
                if (v instanceof Value.Reference r) {
                    Resource target = model.resource(r.target());
                    if (target == role.resource()) {
                        return true;
                    }
                    unknown |= target == null; // not declared here: could be anything
                } else if (v instanceof Value.Text t) {
                    if (roleName != null && (t.text().equals(roleName) || t.text().endsWith("/" + roleName))) {
                        return true;
                    }
                    unknown |= roleName == null;
                } else {
                    unknown = true;
                }
            }
        }
        return unknown ? null : Boolean.FALSE;
    }

    /**
     * The stream ARNs CloudTrail writes in the trail's log group: the group's ARN with its
     * {@code *} replaced by {@code log-stream:} and the stream name, ACCOUNT_CloudTrail_REGION
     * (o-ORGID_ first for an organization trail), the account and region those of the group's
     * ARN when it names them. Any stream of any group when the group's ARN is not known to be
     * one CloudTrail accepts.
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

    /**
     * Whether a statement's resources cover the streams CloudTrail writes; null when they may
     * but need not (parts known only at deployment).
     */
    private static Boolean covers(PolicyDocument.Statement s, TextForm streams, LogGroup trailGroup,
            ResourceModel model) {
        if (s.resources() == null) {
            return s.notResources() == null ? Boolean.FALSE : null;
        }
        Boolean result = false;
        for (Value pattern : s.resources()) {
            for (Value item : Values.items(pattern)) {
                Boolean one = coversOne(item, streams, trailGroup, model);
                if (Boolean.TRUE.equals(one)) {
                    return true;
                }
                if (one == null) {
                    result = null;
                }
            }
        }
        return result;
    }

    private static Boolean coversOne(Value pattern, TextForm streams, LogGroup trailGroup, ResourceModel model) {
        for (Value.Reference r : ArnText.references(pattern)) {
            LogGroup named = model.logGroup(model.resource(r.target()));
            if (named != null && trailGroup != null && named != trailGroup) {
                return false; // another declared log group
            }
        }
        PartialText text = ArnText.of(pattern, model);
        if (text.knownLength() > PartialText.MAX_ARN_LENGTH) {
            return false; // longer than any ARN: it names no stream
        }
        TextForm matched = text.iamPattern();
        if (!matched.intersects(streams)) {
            return false; // it can never match a stream CloudTrail writes there
        }
        return streams.within(matched) ? Boolean.TRUE : null;
    }

    // ---- values ----

    /** Whether a statement's Action (or NotAction) covers an action; null when not readable. */
    static Boolean actionAllows(PolicyDocument.Statement s, String action) {
        if (s.actions() != null) {
            boolean unknown = false;
            for (Value pattern : s.actions()) {
                for (Value item : Values.items(pattern)) {
                    String text = Values.scalarText(item);
                    if (text == null) {
                        unknown = true;
                    } else if (PolicyDocument.actionMatches(text, action)) {
                        return true;
                    }
                }
            }
            return unknown ? null : Boolean.FALSE;
        }
        if (s.notActions() != null) {
            for (Value pattern : s.notActions()) {
                for (Value item : Values.items(pattern)) {
                    String text = Values.scalarText(item);
                    if (text == null) {
                        return null;
                    }
                    if (PolicyDocument.actionMatches(text, action)) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static Value firstLeaf(Value value) {
        List<ValuePaths.Leaf> leaves = ValuePaths.leaves(value);
        return leaves.isEmpty() ? null : leaves.get(0).value();
    }

    private static boolean isTrue(Attribute attribute) {
        if (!attribute.isPresent()) {
            return false;
        }
        for (ValuePaths.Leaf leaf : ValuePaths.leaves(attribute.value())) {
            if (leaf.value() instanceof Value.Bool b && b.value()
                    || leaf.value() instanceof Value.Text t && t.text().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }
}
