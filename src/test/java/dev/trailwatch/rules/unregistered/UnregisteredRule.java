package dev.trailwatch.rules.unregistered;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.Severity;
import java.util.function.Consumer;

/** A rule written but not in Rules.all(): RuleRegistryTest's discovery must find it. */
public final class UnregisteredRule extends Rule {
    private static final RuleMetadata METADATA = RuleMetadata.rule("TW999", "Unregistered", Severity.NOTE)
            .summary("Never registered")
            .helpUri("https://example.com")
            .securitySeverity("0.0").build();

    public UnregisteredRule() {
        super(METADATA);
    }

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        // Finds nothing: only its registration matters.
    }
}
