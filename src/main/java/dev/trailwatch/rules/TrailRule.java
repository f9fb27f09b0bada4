package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.aws.Trail;
import java.util.function.Consumer;

/**
 * A rule that judges each trail on its own: what it reports on one trail depends on that trail
 * and what the model declares, never on the other trails. So {@link RuleRunner} may check the
 * trails of a large model on several threads; {@code checkTrail} must only read the model (and
 * indexes derived from it with {@link ResourceModel#derived}).
 */
public abstract class TrailRule extends Rule {
    protected TrailRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            checkTrail(model, trail, report);
        }
    }

    public abstract void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report);
}
