package dev.trailwatch.model;

import dev.trailwatch.model.aws.Trail;
import java.util.List;

/**
 * What one deployable unit declares: a CloudFormation template, or a Terraform root module
 * with the modules it calls. Resources that cannot exist are not in it.
 */
public record ResourceModel(List<Resource> resources, List<Trail> trails) {
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
