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
import dev.trailwatch.rules.iam.PolicyEvaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * The permission policies of a role declared here: written inside it, listed on it as managed
 * policy ARNs, or attached to it by another resource. {@code invisible} says why they are not all
 * known (a policy that cannot be seen may grant anything), else it is empty.
 */
record RolePolicies(List<PolicyDocument> documents, List<String> invisible) {
    static RolePolicies of(Role role, ResourceModel model, List<String> actions) {
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
        RoleAttachments index = RoleAttachments.of(model);
        for (PolicyAttachment attachment : index.candidates(role.resource(), roleName)) {
            String name = attachment.resource().address();
            switch (index.attaches(attachment, role.resource(), roleName)) {
                case TRUE -> {
                    if (attachment.document().isPresent()) {
                        if (!add(attachment.document().value(), documents)) {
                            invisible.add("the policy of " + name + " is not known statically");
                        }
                    } else if (attachment.policyArn().isPresent()) {
                        if (!addByArn(attachment.policyArn().value(), model, documents)) {
                            invisible.add("policy " + shown(attachment.policyArn().value(), model) + " attached by "
                                    + name + " is not declared here");
                        }
                    } else {
                        invisible.add("the policy of " + name + " is not known statically");
                    }
                }
                case UNKNOWN -> {
                    // It may be this role's: that matters only when what it attaches is declared here and
                    // may grant the actions. A policy we cannot see attached to a role we cannot name is
                    // taken as someone else's, or one unrelated attachment would hide every finding.
                    if (mayGrant(attachment, model, actions)) {
                        invisible.add(name + " may attach a policy to it (its role is not known statically)");
                    }
                }
                case FALSE -> { }
            }
        }
        if (documents.isEmpty() && invisible.isEmpty()) {
            invisible.add("it has no permission policy declared here");
        }
        return new RolePolicies(List.copyOf(documents), List.copyOf(invisible));
    }

    /** Whether an attachment whose role is not known may grant one of the actions to this one. */
    private static boolean mayGrant(PolicyAttachment attachment, ResourceModel model, List<String> actions) {
        List<PolicyDocument> attached = new ArrayList<>();
        if (attachment.document().isPresent()) {
            if (!add(attachment.document().value(), attached)) {
                return true;
            }
        } else if (!attachment.policyArn().isPresent() || !addByArn(attachment.policyArn().value(), model, attached)) {
            return false;
        }
        return actions.stream().anyMatch(action -> PolicyEvaluation.mayAllow(attached, action));
    }

    /** A policy ARN as the user would recognise it. */
    private static String shown(Value arn, ResourceModel model) {
        PartialText text = ArnText.of(arn, model);
        return text.text() != null ? text.text() : text.display();
    }

    /** Adds the policy document a value holds; false when it cannot be read statically. */
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
}
