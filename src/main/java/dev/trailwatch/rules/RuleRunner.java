package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the chosen rules on a model, and TW100 on the suppressions written in its sources (which
 * of those hold for a finding is policy's to decide).
 */
public final class RuleRunner {
    private final List<Rule> rules;
    private final SuppressionRule suppressions;

    public RuleRunner(List<Rule> rules, LocalDate today) {
        this(rules, today, SuppressionSettings.DEFAULT);
    }

    public RuleRunner(List<Rule> rules, LocalDate today, SuppressionSettings settings) {
        Set<String> known = Rules.all().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        this.suppressions = new SuppressionRule(known, today, settings);
        List<Rule> all = new ArrayList<>();
        for (Rule rule : rules) {
            if (!(rule instanceof SuppressionRule)) { // the registry's copy knows no rule ids and no date
                all.add(rule);
            }
        }
        all.add(suppressions);
        this.rules = List.copyOf(all);
    }

    public SuppressionRule suppressionRule() {
        return suppressions;
    }

    /** Every rule's ids (for counting what was checked). */
    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> run(ResourceModel model) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(model, findings::add);
        }
        return findings;
    }
}
