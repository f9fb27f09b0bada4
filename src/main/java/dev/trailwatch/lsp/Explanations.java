package dev.trailwatch.lsp;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.rules.RuleMetadata;
import java.util.List;

/** The hover text over a finding: the finding, then its rule's explanation as {@code trailwatch explain} prints it. */
final class Explanations {
    private Explanations() {}

    static String markdown(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            if (!text.isEmpty()) {
                text.append("\n\n---\n\n");
            }
            RuleMetadata rule = Diagnostics.rule(finding.ruleId());
            text.append("**").append(finding.ruleId());
            if (rule != null) {
                text.append(" ").append(rule.name());
            }
            text.append("** (").append(finding.severity().label()).append("): ").append(finding.message());
            if (finding.remediation() != null && !finding.remediation().isEmpty()) {
                text.append("\n\n").append(finding.remediation());
            }
            String explanation = rule == null ? null : rule.explanation();
            text.append("\n\n").append(explanation != null ? explanation.strip() : rule == null ? "" : rule.summary());
        }
        return text.toString();
    }
}
