package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Suppression;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed resources a front end recognises among those it declares, collected in declaration
 * order into a {@link ResourceModel}. Each front end says which of its types and attribute
 * names make which typed resource; this is what they share.
 */
public final class TypedResources {
    private final List<Trail> trails = new ArrayList<>();
    private final List<LogGroup> logGroups = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<PolicyAttachment> attachments = new ArrayList<>();
    private final List<ManagedPolicy> policies = new ArrayList<>();
    private final List<MetricFilter> filters = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();

    public void add(Trail trail) {
        trails.add(trail);
    }

    public void add(LogGroup logGroup) {
        logGroups.add(logGroup);
    }

    public void add(Role role) {
        roles.add(role);
    }

    public void add(PolicyAttachment attachment) {
        attachments.add(attachment);
    }

    public void add(ManagedPolicy policy) {
        policies.add(policy);
    }

    public void add(MetricFilter filter) {
        filters.add(filter);
    }

    public void add(Alarm alarm) {
        alarms.add(alarm);
    }

    /**
     * The model of every declared resource with the typed ones collected so far;
     * {@code otherResources} says how the format refers to a resource of any other type.
     */
    public ResourceModel model(List<Resource> resources, List<Suppression> suppressions,
            ReferenceForms otherResources) {
        return new ResourceModel(List.copyOf(resources), List.copyOf(trails), List.copyOf(logGroups),
                List.copyOf(roles), List.copyOf(attachments), List.copyOf(policies), List.copyOf(filters),
                List.copyOf(alarms), List.copyOf(suppressions), otherResources);
    }
}
