package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Attribute;
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
import java.util.regex.Pattern;

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
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z0-9-]+:iam::[0-9]{12}:role/.+");
    private static final List<String> ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    /** In a policy pattern: the account, region and organization id of the streams it means. */
    private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final java.util.Map<String, String> SAMPLE_PSEUDO_PARAMETERS = java.util.Map.of(
            "AWS::AccountId", "111122223333", "AWS::Region", "us-east-1", "AWS::Partition", "aws");

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            Attribute attribute = trail.roleArn();
            if (!attribute.isPresent()) {
                continue; // TW001's
            }
            List<String> problems = new ArrayList<>();
            for (ValuePaths.Leaf leaf : ValuePaths.leaves(attribute.value())) {
                String problem = problem(leaf.value(), trail, model);
                if (problem != null) {
                    problems.add(attribute.name() + " " + problem + leaf.when() + leaf.from());
                }
            }
            if (!problems.isEmpty()) {
                Location at = new Location(trail.resource().declaration().file(), attribute.range());
                report.accept(finding(trail.resource(), at, trail.resource().address()
                        + "'s CloudWatch Logs role cannot deliver: " + String.join("; ", problems),
                        "Give the trail an IAM role that trusts cloudtrail.amazonaws.com (sts:AssumeRole) and allows"
                                + " logs:CreateLogStream and logs:PutLogEvents on the log group's log-stream:*;"
                                + " see `trailwatch explain TW003`."));
            }
        }
    }

    private String problem(Value value, Trail trail, ResourceModel model) {
        if (value instanceof Value.Text text) {
            return text.text().isEmpty() || ROLE_ARN.matcher(text.text()).matches() ? null
                    : "is \"" + text.text() + "\", not an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)";
        }
        if (!(value instanceof Value.Reference reference) || reference.kind() != Value.ReferenceKind.RESOURCE) {
            return null;
        }
        Resource target = model.resource(reference.target());
        if (target == null) {
            return null; // not declared here: nothing to read
        }
        Role role = model.roles().stream().filter(r -> r.resource() == target).findFirst().orElse(null);
        if (role == null) {
            return "refers to " + reference.target() + " (" + target.type() + "), not an IAM role";
        }
        if (role.references().isName(reference.attribute())) {
            return "is the name of role " + reference.target() + ", not its ARN: refer to its "
                    + role.references().arnAttributes().iterator().next();
        }
        if (!role.references().isArn(reference.attribute())) {
            return null;
        }
        String where = " (" + role.resource().address() + " at " + at(role.resource().declaration()) + ")";
        if (!trusted(role)) {
            return "names a role whose trust policy does not let cloudtrail.amazonaws.com sts:AssumeRole" + where;
        }
        List<String> missing = missingPermissions(role, trail, model);
        if (!missing.isEmpty()) {
            return "names a role whose policies do not allow " + String.join(" and ", missing)
                    + " on the trail's log streams" + where;
        }
        return null;
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

    /** The actions the role's visible policies do not allow on the trail's streams; none when unknown. */
    private static List<String> missingPermissions(Role role, Trail trail, ResourceModel model) {
        List<PolicyDocument> documents = new ArrayList<>();
        boolean invisible = false;
        for (Attribute inline : role.inlinePolicies()) {
            invisible |= !add(inline.value(), documents);
        }
        if (role.managedPolicyArns().isPresent()) {
            for (Value arn : Values.items(role.managedPolicyArns().value())) {
                invisible |= !addByArn(arn, model, documents);
            }
        }
        for (PolicyAttachment attachment : model.policyAttachments()) {
            Boolean attached = attaches(attachment, role, model);
            if (attached == null) {
                // It may be this role's: that matters only when what it attaches is declared here and
                // may grant log delivery. A policy we cannot see attached to a role we cannot name is
                // taken as someone else's, or one unrelated attachment would hide every finding.
                List<PolicyDocument> attachedDocuments = new ArrayList<>();
                if (attachment.document().isPresent()) {
                    invisible |= !add(attachment.document().value(), attachedDocuments)
                            || mayGrantDelivery(attachedDocuments);
                } else if (attachment.policyArn().isPresent()
                        && addByArn(attachment.policyArn().value(), model, attachedDocuments)) {
                    invisible |= mayGrantDelivery(attachedDocuments);
                }
                continue;
            }
            if (!attached) {
                continue;
            }
            if (attachment.document().isPresent()) {
                invisible |= !add(attachment.document().value(), documents);
            } else if (attachment.policyArn().isPresent()) {
                invisible |= !addByArn(attachment.policyArn().value(), model, documents);
            } else {
                invisible = true;
            }
        }
        if (invisible || documents.isEmpty()) {
            return List.of(); // a policy that cannot be seen may grant it: unknown, not a finding
        }
        boolean organization = isTrue(trail.isOrganizationTrail());
        Value group = trail.logGroupArn().isPresent() ? firstLeaf(trail.logGroupArn().value()) : null;
        // CloudTrail writes ACCOUNT_CloudTrail_REGION streams, and for an organization trail also
        // o-ORGID_ACCOUNT_CloudTrail_REGION ones: every form needed must be allowed.
        List<Boolean> forms = organization ? List.of(false, true) : List.of(false);
        List<String> missing = new ArrayList<>();
        for (String action : ACTIONS) {
            boolean everyForm = true;
            for (boolean organizationStream : forms) {
                boolean allowed = false;
                boolean denied = false;
                for (PolicyDocument document : documents) {
                    for (PolicyDocument.Statement s : document.statements()) {
                        Boolean matches = actionAllows(s, action);
                        Boolean covers = Boolean.TRUE.equals(matches) ? covers(s, group, organizationStream, model) : null;
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
        return missing;
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
            for (ManagedPolicy policy : model.managedPolicies()) {
                if (policy.resource() == target && policy.document().isPresent()) {
                    return add(policy.document().value(), documents);
                }
            }
            for (PolicyAttachment attachment : model.policyAttachments()) {
                if (attachment.resource() == target && attachment.document().isPresent()) {
                    return add(attachment.document().value(), documents);
                }
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
     * Whether a statement's resources cover the streams CloudTrail writes in the trail's log
     * group; null when that cannot be told statically.
     */
    private static Boolean covers(PolicyDocument.Statement s, Value group, boolean organization, ResourceModel model) {
        if (s.resources() == null) {
            return s.notResources() == null ? Boolean.FALSE : null;
        }
        Boolean result = false;
        for (Value pattern : s.resources()) {
            Boolean one = coversOne(Values.unwrap(pattern), group, organization, model);
            if (Boolean.TRUE.equals(one)) {
                return true;
            }
            if (one == null) {
                result = null;
            }
        }
        return result;
    }

    private static Boolean coversOne(Value pattern, Value group, boolean organization, ResourceModel model) {
        String text = Values.scalarText(pattern);
        if (text != null) {
            if (text.equals("*")) {
                return true;
            }
            String groupText = group == null ? null : Values.scalarText(group);
            if (groupText != null && groupText.endsWith(":*")) {
                String base = groupText.substring(0, groupText.length() - 2);
                return PolicyDocument.resourceMatches(text, base + stream(text, organization));
            }
            if (text.startsWith("arn:") && text.split(":", -1).length > 2) {
                String service = text.split(":", -1)[2];
                if (!PolicyDocument.resourceMatches(service, "logs")) {
                    return false; // another service's resource
                }
            }
            return null;
        }
        // A pattern built from a reference: compare with the trail's log group by identity.
        List<Value> parts = pattern instanceof Value.Concatenation c ? c.parts() : List.of(pattern);
        for (int i = 0; i < parts.size(); i++) {
            if (!(Values.unwrap(parts.get(i)) instanceof Value.Reference r)) {
                continue;
            }
            Resource referenced = model.resource(r.target());
            var logGroup = model.logGroups().stream().filter(g -> g.resource() == referenced).findFirst();
            if (logGroup.isEmpty()) {
                continue;
            }
            Value.Reference trailGroup = group == null ? null : firstReference(group);
            if (trailGroup == null || model.resource(trailGroup.target()) != referenced) {
                return trailGroup == null ? null : Boolean.FALSE; // another log group
            }
            boolean byName = logGroup.get().references().isName(r.attribute());
            boolean byArn = logGroup.get().references().isArn(r.attribute());
            if (!byName && !byArn) {
                return null;
            }
            StringBuilder tail = new StringBuilder();
            if (byArn && logGroup.get().references().arnEndsWithWildcard()) {
                tail.append(":*");
            }
            for (Value after : parts.subList(i + 1, parts.size())) {
                String known = Values.scalarText(after);
                if (known == null && Values.unwrap(after) instanceof Value.Reference p
                        && p.kind() == Value.ReferenceKind.PSEUDO_PARAMETER) {
                    known = SAMPLE_PSEUDO_PARAMETERS.get(p.target()); // as the sample stream's account and region
                }
                if (known == null) {
                    return null;
                }
                tail.append(known);
            }
            return PolicyDocument.resourceMatches(tail.toString(), stream(tail.toString(), organization));
        }
        return null;
    }

    /**
     * A stream name CloudTrail would write, taking the account, region and organization id the
     * pattern itself names (a literal account in a policy is the trail's own account), else
     * sample ones. They are read from their places only: the ARN's region and account fields and
     * the stream name, never from inside the log group's name.
     */
    private static String stream(String pattern, boolean organization) {
        String[] fields = pattern.split(":", -1);
        int at = pattern.indexOf(":log-stream:");
        String streamPart = at < 0 ? "" : pattern.substring(at + ":log-stream:".length());
        String arnRegion = fields.length > 4 && fields[0].equals("arn") && REGION.matcher(fields[3]).matches()
                ? fields[3] : null;
        String arnAccount = fields.length > 4 && fields[0].equals("arn") && fields[4].matches("[0-9]{12}")
                ? fields[4] : null;
        String account = first(ACCOUNT, streamPart, arnAccount != null ? arnAccount
                : SAMPLE_PSEUDO_PARAMETERS.get("AWS::AccountId"));
        String region = first(REGION, streamPart, arnRegion != null ? arnRegion
                : SAMPLE_PSEUDO_PARAMETERS.get("AWS::Region"));
        java.util.regex.Matcher orgId = ORGANIZATION.matcher(streamPart);
        String prefix = organization ? (orgId.lookingAt() ? orgId.group() : "o-a1b2c3d4e5") + "_" : "";
        return ":log-stream:" + prefix + account + "_CloudTrail_" + region;
    }

    private static String first(Pattern pattern, String text, String otherwise) {
        java.util.regex.Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : otherwise;
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

    private static Value.Reference firstReference(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Reference r) {
            return r;
        }
        if (v instanceof Value.Concatenation c && !c.parts().isEmpty()
                && Values.unwrap(c.parts().get(0)) instanceof Value.Reference r) {
            return r;
        }
        return null;
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
