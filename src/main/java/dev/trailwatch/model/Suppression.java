package dev.trailwatch.model;

import dev.trailwatch.source.Location;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision not to report some findings: an inline comment, CloudFormation Metadata, an entry of
 * .trailwatch.yml, or a baseline. {@code resource} is the address or logical id it covers (null:
 * any); {@code fileGlob} limits it to matching files (null: any). A suppression without a reason,
 * naming an unknown rule, or past its {@code expires} date does not apply and is reported (TW100);
 * other linters' skips ({@link Kind#PEER}) are theirs to judge and are never reported.
 */
public record Suppression(Kind kind, List<String> ruleIds, String resource, String fileGlob, String reason,
        LocalDate expires, String expiresText, Location location) {

    /** Where a suppression was written, as the JSON report names it. */
    public enum Kind {
        INLINE, METADATA, CONFIG, BASELINE,
        /**
         * Another linter's skip of the same control (Checkov, Trivy, KICS, cfn_nag, cfn-guard): its
         * {@code ruleIds} are that linter's ids; it holds only where the project opts in.
         */
        PEER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The id a KICS skip carries: it names no check ({@code kics-scan ignore-line}), so it stands
     * for every rule with a KICS peer id.
     */
    public static final String ANY_KICS_CHECK = "KICS";

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** An {@code expires} value that is not a date. */
    public boolean hasBadDate() {
        return expiresText != null && expires == null;
    }
}
