package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the chosen rules on a model, then applies the suppressions written in its sources (inline
 * comments, CloudFormation Metadata): a finding they cover is kept, marked suppressed. TW100
 * reports those that do not hold.
 */
public final class RuleRunner {
    private final List<Rule> rules;
    private final SuppressionRule suppressions;
    /** Whether other linters' skips of the same control hold (off unless the project opts in). */
    private final SuppressionSettings settings;
    private final java.util.Map<String, List<String>> peerIds = new java.util.HashMap<>();
    private final LocalDate today;

    public RuleRunner(List<Rule> rules, LocalDate today) {
        this(rules, today, SuppressionSettings.DEFAULT);
    }

    public RuleRunner(List<Rule> rules, LocalDate today, SuppressionSettings settings) {
        this.settings = settings;
        this.today = today;
        for (Rule rule : Rules.all()) {
            peerIds.put(rule.metadata().id(), rule.metadata().peerIds());
        }
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
        if (model.suppressions().isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            out.add(suppress(finding, model.suppressions()));
        }
        return out;
    }

    private Finding suppress(Finding finding, List<Suppression> candidates) {
        for (Suppression s : candidates) {
            if (s.resource() == null || !covers(s.resource(), finding.resource().address())) {
                continue;
            }
            boolean holds = s.kind() == Suppression.Kind.PEER ? peerHolds(s, finding.ruleId())
                    : s.ruleIds().contains(finding.ruleId()) && suppressions.problem(s) == null;
            if (holds) {
                return finding.withSuppression(new Finding.Suppressed(s.kind().label(), s.reason(), s.expires(), s.location()));
            }
        }
        return finding;
    }

    /**
     * Whether a suppression written at {@code target} covers a finding on {@code address}: the same
     * resource, or a module call (module.audit) and everything inside it (module.audit.aws_x.y,
     * module.audit[0].module.logs.aws_x.y).
     */
    private static boolean covers(String target, String address) {
        if (address.equals(target)) {
            return true;
        }
        // A module call's address ends in module.NAME: its last step is the call itself.
        int last = target.lastIndexOf("module.");
        boolean moduleCall = last >= 0 && (last == 0 || target.charAt(last - 1) == '.')
                && target.indexOf('.', last + "module.".length()) < 0;
        return moduleCall && (address.startsWith(target + ".") || address.startsWith(target + "["));
    }

    /**
     * Another linter's skip holds for a rule when the project opts in, it names the same control (one
     * of the rule's peer ids; a KICS skip names none, so it holds for rules with a KICS peer), and
     * it is not past its date.
     */
    private boolean peerHolds(Suppression s, String ruleId) {
        if (!settings.peers() || s.isExpired(today) || settings.notIgnorable().contains(ruleId)) {
            return false;
        }
        List<String> peers = peerIds.getOrDefault(ruleId, List.of());
        for (String id : s.ruleIds()) {
            if (peers.contains(id) || id.equals(dev.trailwatch.document.InlineSuppressions.KICS_ANY)
                    && peers.stream().anyMatch(p -> p.startsWith("KICS:"))) {
                return true;
            }
        }
        return false;
    }
}
