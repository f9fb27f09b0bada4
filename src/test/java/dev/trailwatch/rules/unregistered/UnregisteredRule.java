package dev.trailwatch.rules.unregistered;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleInfo;
import dev.trailwatch.rules.Severity;
import java.util.function.Consumer;

/** A rule written but not in Rules.all(): RuleRegistryTest's discovery must find it. */
@RuleInfo(id = "TW999", name = "Unregistered", severity = Severity.NOTE, summary = "Never registered",
        helpUri = "https://example.com", securitySeverity = "0.0")
public final class UnregisteredRule extends Rule {
    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        // Finds nothing: only its registration matters.
    }
}
