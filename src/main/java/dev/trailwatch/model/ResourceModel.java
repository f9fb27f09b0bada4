package dev.trailwatch.model;

import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.MetricFilter;
import dev.trailwatch.model.aws.PolicyAttachment;
import dev.trailwatch.model.aws.Role;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.suppress.Suppression;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one deployable unit declares: a CloudFormation template, or a Terraform root module
 * with the modules it calls. Resources that cannot exist are not in it. The typed lists are the
 * resources rules read, filled by each format's loader; {@code suppressions} those written in the
 * sources (comments, CloudFormation Metadata).
 */
public record ResourceModel(List<Resource> resources, List<Trail> trails, List<LogGroup> logGroups,
        List<Role> roles, List<PolicyAttachment> policyAttachments, List<ManagedPolicy> managedPolicies,
        List<MetricFilter> metricFilters, List<Alarm> alarms, List<Suppression> suppressions) {
    private static final Pattern INSTANCE_KEY = Pattern.compile("\\[[^\\]]*\\]");

    /** The resource a reference's target names (an address, or a logical id), any instance index ignored. */
    public Resource resource(String target) {
        for (Resource resource : resources) {
            if (resource.address().equals(target) || withoutIndex(resource.address()).equals(target)) {
                return resource;
            }
        }
        return null;
    }

    /** A Terraform instance address without its count or for_each keys (its modules' too): the declaration's. */
    public static String withoutIndex(String address) {
        return address.indexOf('[') < 0 ? address : INSTANCE_KEY.matcher(address).replaceAll("");
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
