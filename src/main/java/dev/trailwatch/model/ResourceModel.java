package dev.trailwatch.model;

import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.MetricFilter;
import dev.trailwatch.model.aws.PolicyAttachment;
import dev.trailwatch.model.aws.ReferenceForms;
import dev.trailwatch.model.aws.Role;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.model.Suppression;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one deployable unit declares: a CloudFormation template, or a Terraform root module
 * with the modules it calls. Resources that cannot exist are not in it. The typed lists are the
 * resources rules read, filled by each format's loader; {@code suppressions} those written in the
 * sources (comments, CloudFormation Metadata). Lookups by address and by resource are indexed
 * once, so rules cost the same per trail however large the model is.
 */
public final class ResourceModel {
    private static final Pattern INSTANCE_KEY = Pattern.compile("\\[[^\\]]*\\]");

    private final List<Resource> resources;
    private final List<Trail> trails;
    private final List<LogGroup> logGroups;
    private final List<Role> roles;
    private final List<PolicyAttachment> policyAttachments;
    private final List<ManagedPolicy> managedPolicies;
    private final List<MetricFilter> metricFilters;
    private final List<Alarm> alarms;
    private final List<Suppression> suppressions;
    private final ReferenceForms otherResources;
    private final Map<String, Resource> byAddress = new HashMap<>();
    private final Map<Resource, LogGroup> logGroupByResource = new IdentityHashMap<>();
    private final Map<Resource, Role> roleByResource = new IdentityHashMap<>();
    private final Map<String, LogGroup> logGroupByName = new HashMap<>();
    private final Map<String, Role> roleByName = new HashMap<>();
    private final Map<Object, Derived<?>> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** A model with nothing in it: what a configuration that could not be evaluated contributes. */
    public static ResourceModel empty() {
        return new ResourceModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new ReferenceForms(java.util.Set.of(), false, java.util.Set.of(), false));
    }

    public ResourceModel(List<Resource> resources, List<Trail> trails, List<LogGroup> logGroups, List<Role> roles,
            List<PolicyAttachment> policyAttachments, List<ManagedPolicy> managedPolicies,
            List<MetricFilter> metricFilters, List<Alarm> alarms, List<Suppression> suppressions,
            ReferenceForms otherResources) {
        this.resources = resources;
        this.otherResources = otherResources;
        this.trails = trails;
        this.logGroups = logGroups;
        this.roles = roles;
        this.policyAttachments = policyAttachments;
        this.managedPolicies = managedPolicies;
        this.metricFilters = metricFilters;
        this.alarms = alarms;
        this.suppressions = suppressions;
        for (Resource resource : resources) {
            // The first declared wins, by its own address or by its declaration's (instance keys dropped).
            byAddress.putIfAbsent(resource.address(), resource);
            byAddress.putIfAbsent(withoutIndex(resource.address()), resource);
        }
        for (LogGroup group : logGroups) {
            logGroupByResource.putIfAbsent(group.resource(), group);
            String name = group.name().isPresent() ? Values.scalarText(group.name().value()) : null;
            if (name != null) {
                logGroupByName.putIfAbsent(name, group);
            }
        }
        for (Role role : roles) {
            roleByResource.putIfAbsent(role.resource(), role);
            String name = role.name().isPresent() ? Values.scalarText(role.name().value()) : null;
            if (name != null) {
                roleByName.putIfAbsent(name, role);
            }
        }
    }

    public List<Resource> resources() {
        return resources;
    }

    public List<Trail> trails() {
        return trails;
    }

    public List<LogGroup> logGroups() {
        return logGroups;
    }

    public List<Role> roles() {
        return roles;
    }

    public List<PolicyAttachment> policyAttachments() {
        return policyAttachments;
    }

    public List<ManagedPolicy> managedPolicies() {
        return managedPolicies;
    }

    public List<MetricFilter> metricFilters() {
        return metricFilters;
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    /**
     * What a reference to any other resource gives in this format: which attributes are its ARN
     * and which its name or id (so that a rule can tell "a bucket's ARN, not a log group's" from an
     * attribute that may hold anything).
     */
    public ReferenceForms otherResources() {
        return otherResources;
    }

    /** The resource a reference's target names (an address, or a logical id), any instance index ignored. */
    public Resource resource(String target) {
        return byAddress.get(target);
    }

    /** The log group this resource is, or null. */
    public LogGroup logGroup(Resource resource) {
        return resource == null ? null : logGroupByResource.get(resource);
    }

    /** The role this resource is, or null. */
    public Role role(Resource resource) {
        return resource == null ? null : roleByResource.get(resource);
    }

    /** The declared log group whose name is literally this, or null. */
    public LogGroup logGroupNamed(String name) {
        return logGroupByName.get(name);
    }

    /** The declared role whose name is literally this, or null. */
    public Role roleNamed(String name) {
        return roleByName.get(name);
    }

    /**
     * A value computed once per model from it (an index a rule keeps, such as filters by log group),
     * under a key of the caller's; safe when several rules or threads ask at once.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<ResourceModel, T> compute) {
        // Computed outside the map's lock, so that one derived value may be built from another
        // (ConcurrentHashMap forbids that inside computeIfAbsent); a second thread waits for the first.
        return ((Derived<T>) derived.computeIfAbsent(key, k -> new Derived<T>())).get(this, compute);
    }

    /** One derived value, computed by the first thread that asks for it. */
    private static final class Derived<T> {
        private volatile T value;

        T get(ResourceModel model, java.util.function.Function<ResourceModel, T> compute) {
            T known = value;
            if (known == null) {
                synchronized (this) {
                    known = value;
                    if (known == null) {
                        known = compute.apply(model);
                        value = known;
                    }
                }
            }
            return known;
        }
    }

    /** A Terraform instance address without its count or for_each keys (its modules' too): the declaration's. */
    public static String withoutIndex(String address) {
        return address.indexOf('[') < 0 ? address : INSTANCE_KEY.matcher(address).replaceAll("");
    }

    /**
     * Whether {@code address} is {@code container} itself or lies inside it: a module call's address
     * ({@code module.audit}, {@code module.a[0].module.logs}) holds every resource of the module
     * ({@code module.audit.aws_x.y}, {@code module.audit[0].module.logs.aws_x.y}); a resource holds only itself.
     */
    public static boolean encloses(String container, String address) {
        if (address.equals(container)) {
            return true;
        }
        // A module call's address ends in module.NAME: its last step is the call itself.
        int last = container.lastIndexOf("module.");
        boolean moduleCall = last >= 0 && (last == 0 || container.charAt(last - 1) == '.')
                && container.indexOf('.', last + "module.".length()) < 0;
        return moduleCall && (address.startsWith(container + ".") || address.startsWith(container + "["));
    }

    /** How many of these resources' attributes stayed unknown statically: what the analysis could not see. */
    public static int unknownValues(List<Resource> resources) {
        int unknown = 0;
        for (Resource resource : resources) {
            if (resource.properties() != null) {
                for (Value.Entry entry : resource.properties().entries().values()) {
                    unknown += Values.unwrap(entry.value()) instanceof Value.Unknown ? 1 : 0;
                }
            }
        }
        return unknown;
    }
}
