package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Trilean;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.PolicyAttachment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's policy attachments indexed by the roles they name (by reference, or by a name written
 * out), and its policies by their resource, built once per model: a trail's role is checked
 * against the attachments that may be its own, not against every attachment of the model.
 */
final class RoleAttachments {
    private final Map<Resource, List<PolicyAttachment>> byResource = new IdentityHashMap<>();
    private final Map<String, List<PolicyAttachment>> byName = new HashMap<>();
    /** Attachments that name some role by text: candidates for a role whose own name is not known. */
    private final List<PolicyAttachment> byText = new ArrayList<>();
    /** Attachments that name a role not known statically: candidates for every role. */
    private final List<PolicyAttachment> unknown = new ArrayList<>();
    private final Map<PolicyAttachment, Integer> order = new IdentityHashMap<>();
    private final Map<Resource, ManagedPolicy> policies = new IdentityHashMap<>();
    private final Map<Resource, PolicyAttachment> attachments = new IdentityHashMap<>();
    private final Map<PolicyAttachment, Targets> targets = new IdentityHashMap<>();

    /**
     * The roles an attachment names: declared ones it refers to, names (or ARNs) written out, and
     * whether it names a role not known statically (a variable, a resource not declared here).
     */
    private record Targets(List<Resource> roles, List<String> texts, boolean notKnown) {
        static Targets of(PolicyAttachment attachment, ResourceModel model) {
            List<Resource> roles = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            boolean notKnown = false;
            for (Value value : attachment.roles()) {
                for (Value item : Values.items(value)) {
                    Value v = Values.unwrap(item);
                    if (v instanceof Value.Reference r) {
                        Resource target = model.resource(r.target());
                        if (target == null) {
                            notKnown = true;
                        } else {
                            roles.add(target);
                        }
                    } else if (v instanceof Value.Text t) {
                        texts.add(t.text());
                    } else {
                        notKnown = true;
                    }
                }
            }
            return new Targets(List.copyOf(roles), List.copyOf(texts), notKnown);
        }
    }

    static RoleAttachments of(ResourceModel model) {
        return model.derived(RoleAttachments.class, RoleAttachments::new);
    }

    private RoleAttachments(ResourceModel model) {
        for (PolicyAttachment attachment : model.policyAttachments()) {
            order.put(attachment, order.size());
            attachments.putIfAbsent(attachment.resource(), attachment);
            Targets named = Targets.of(attachment, model);
            targets.put(attachment, named);
            named.roles().forEach(role -> byResource.computeIfAbsent(role, k -> new ArrayList<>()).add(attachment));
            for (String text : named.texts()) {
                byName.computeIfAbsent(text.substring(text.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(attachment);
            }
            if (!named.texts().isEmpty()) {
                byText.add(attachment);
            }
            if (named.notKnown()) {
                unknown.add(attachment);
            }
        }
        for (ManagedPolicy policy : model.managedPolicies()) {
            policies.putIfAbsent(policy.resource(), policy);
        }
    }

    /** The attachments that may attach to this role, in the model's order; the others certainly do not. */
    List<PolicyAttachment> candidates(Resource role, String roleName) {
        // By identity (the same attachment from two lists): sorted below, and a policy is never hashed.
        Set<PolicyAttachment> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(byResource.getOrDefault(role, List.of()));
        out.addAll(roleName == null ? byText : byName.getOrDefault(roleName, List.of()));
        out.addAll(unknown);
        List<PolicyAttachment> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(order::get));
        return sorted;
    }

    /**
     * Whether an attachment of this model attaches to the role: by reference, or by the role's name
     * written out; UNKNOWN when a role it names is not known statically, or names are written out
     * and the role's own name is not known.
     */
    Trilean attaches(PolicyAttachment attachment, Resource role, String roleName) {
        Targets named = targets.get(attachment);
        if (named.roles().contains(role) || roleName != null
                && named.texts().stream().anyMatch(t -> t.equals(roleName) || t.endsWith("/" + roleName))) {
            return Trilean.TRUE;
        }
        return named.notKnown() || roleName == null && !named.texts().isEmpty() ? Trilean.UNKNOWN : Trilean.FALSE;
    }

    ManagedPolicy policy(Resource resource) {
        return resource == null ? null : policies.get(resource);
    }

    PolicyAttachment attachment(Resource resource) {
        return resource == null ? null : attachments.get(resource);
    }
}
