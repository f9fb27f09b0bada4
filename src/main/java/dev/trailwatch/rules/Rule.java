package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.source.Location;
import java.util.List;
import java.util.function.Consumer;

/**
 * A check over the resource model. Rules know nothing of file formats: they read the typed
 * model and report positions the loaders recorded.
 */
public abstract class Rule {
    private final RuleMetadata metadata = RuleMetadata.of(getClass());

    public final RuleMetadata metadata() {
        return metadata;
    }

    public abstract void check(ResourceModel model, Consumer<Finding> report);

    protected final Finding finding(Resource resource, Location at, String message, String remediation) {
        return finding(resource, at, message, remediation, List.of());
    }

    protected final Finding finding(Resource resource, Location at, String message, String remediation,
            List<Finding.Related> related) {
        List<Finding.Related> all = new java.util.ArrayList<>(related);
        Location source = resource.sourceDeclaration();
        if (source != null) {
            message = message + " (declared at " + source.file() + ":" + source.line() + ")";
            all.add(new Finding.Related(source, resource.address() + " is declared here"));
        }
        return new Finding(metadata.id(), metadata.severity(), at,
                new Finding.ResourceRef(resource.type(), resource.name(), resource.address()), message, remediation,
                List.copyOf(all));
    }
}
