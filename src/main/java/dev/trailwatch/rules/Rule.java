package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A check over the resource model. Rules know nothing of file formats: they read the typed
 * model and report positions the loaders recorded.
 */
public abstract class Rule {
    private final RuleMetadata metadata;

    /** {@code metadata}: each rule's, next to its code (RuleMetadata.rule(...)...build()). */
    protected Rule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    public final RuleMetadata metadata() {
        return metadata;
    }

    public abstract void check(ResourceModel model, Consumer<Finding> report);

    /**
     * One finding on a trail's attribute when some of the values it can take have a problem: each
     * problem named ({@code ATTRIBUTE PROBLEM when CONDITIONS (from ORIGIN)}), with a related location
     * where a value was set elsewhere. {@code problem} returns what is wrong with one value, or null.
     */
    protected final void reportProblems(Trail trail, Attribute attribute, Function<Value, String> problem,
            String lead, String remediation, Consumer<Finding> report) {
        if (!attribute.isPresent()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        for (ValuePaths.Leaf leaf : ValuePaths.leaves(attribute.value())) {
            String text = problem.apply(leaf.value());
            if (text != null) {
                problems.add(attribute.name() + " " + text + leaf.when() + leaf.from());
                if (leaf.origin() != null) {
                    related.add(new Finding.Related(leaf.origin(), attribute.name() + " gets its value from "
                            + leaf.originName()));
                }
            }
        }
        if (!problems.isEmpty()) {
            Location at = new Location(trail.resource().declaration().file(), attribute.range());
            report.accept(finding(trail.resource(), at, trail.resource().address() + lead + String.join("; ", problems),
                    remediation, related.stream().distinct().toList()));
        }
    }

    protected final Finding finding(Resource resource, Location at, String message, String remediation) {
        return finding(resource, at, message, remediation, List.of());
    }

    protected final Finding finding(Resource resource, Location at, String message, String remediation,
            List<Finding.Related> related) {
        List<Finding.Related> all = new ArrayList<>(related);
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
