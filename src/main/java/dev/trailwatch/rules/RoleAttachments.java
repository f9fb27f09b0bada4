package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.PolicyAttachment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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

    static RoleAttachments of(ResourceModel model) {
        return model.derived(RoleAttachments.class, RoleAttachments::new);
    }

    private RoleAttachments(ResourceModel model) {
        for (PolicyAttachment attachment : model.policyAttachments()) {
            order.put(attachment, order.size());
            attachments.putIfAbsent(attachment.resource(), attachment);
            boolean text = false;
            boolean notKnown = false;
            for (Value value : attachment.roles()) {
                for (Value item : Values.items(value)) {
                    Value v = Values.unwrap(item);
                    if (v instanceof Value.Reference r) {
                        Resource target = model.resource(r.target());
                        if (target == null) {
                            notKnown = true;
                        } else {
                            byResource.computeIfAbsent(target, k -> new ArrayList<>()).add(attachment);
                        }
                    } else if (v instanceof Value.Text t) {
                        text = true;
                        String name = t.text().substring(t.text().lastIndexOf('/') + 1);
                        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(attachment);
                    } else {
                        notKnown = true;
                    }
                }
            }
            if (text) {
                byText.add(attachment);
            }
            if (notKnown) {
                unknown.add(attachment);
            }
        }
        for (ManagedPolicy policy : model.managedPolicies()) {
            policies.putIfAbsent(policy.resource(), policy);
        }
    }

    /** The attachments that may attach to this role, in the model's order; the others certainly do not. */
    List<PolicyAttachment> candidates(Resource role, String roleName) {
        Set<PolicyAttachment> out = new LinkedHashSet<>(byResource.getOrDefault(role, List.of()));
        out.addAll(roleName == null ? byText : byName.getOrDefault(roleName, List.of()));
        out.addAll(unknown);
        List<PolicyAttachment> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(order::get));
        return sorted;
    }

    ManagedPolicy policy(Resource resource) {
        return resource == null ? null : policies.get(resource);
    }

    PolicyAttachment attachment(Resource resource) {
        return resource == null ? null : attachments.get(resource);
    }
}
