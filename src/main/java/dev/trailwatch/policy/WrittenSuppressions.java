package dev.trailwatch.policy;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Suppression;
import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.Rules;
import dev.trailwatch.rules.SuppressionRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suppressions written in a model's sources (inline comments, CloudFormation Metadata, other
 * linters' skips): a finding one of them covers is kept, marked suppressed. Whether a suppression
 * holds at all is TW100's question ({@link SuppressionRule#problem}), asked here too.
 */
public final class WrittenSuppressions {
    private final SuppressionRule checker;
    private final Map<String, List<String>> peerIds = new HashMap<>();

    public WrittenSuppressions(SuppressionRule checker) {
        this.checker = checker;
        for (Rule rule : Rules.all()) {
            peerIds.put(rule.metadata().id(), rule.metadata().peerIds());
        }
    }

    public Finding apply(Finding finding, List<Suppression> candidates) {
        for (Suppression s : candidates) {
            if (s.resource() == null || !ResourceModel.encloses(s.resource(), finding.resource().address())) {
                continue;
            }
            boolean holds = s.kind() == Suppression.Kind.PEER ? peerHolds(s, finding.ruleId())
                    : s.ruleIds().contains(finding.ruleId()) && checker.problem(s) == null;
            if (holds) {
                return finding.withSuppression(new Finding.Suppressed(s.kind(), s.reason(), s.expires(), s.location()));
            }
        }
        return finding;
    }

    /**
     * Another linter's skip holds for a rule when the project opts in, it names the same control (one
     * of the rule's peer ids; a KICS skip names none, so it holds for rules with a KICS peer), and
     * it is not past its date.
     */
    private boolean peerHolds(Suppression s, String ruleId) {
        if (!checker.settings().peers() || s.expires() != null && s.isExpired(checker.today())
                || checker.settings().notIgnorable().contains(ruleId)) {
            return false;
        }
        List<String> peers = peerIds.getOrDefault(ruleId, List.of());
        for (String id : s.ruleIds()) {
            if (peers.contains(id) || id.equals(Suppression.ANY_KICS_CHECK)
                    && peers.stream().anyMatch(p -> p.startsWith("KICS:"))) {
                return true;
            }
        }
        return false;
    }
}
