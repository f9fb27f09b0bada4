package dev.trailwatch.scan;

import dev.trailwatch.source.InputError;
import dev.trailwatch.rules.Finding;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows. {@code files} counts the infrastructure files read (templates,
 * Terraform files, broken ones included); {@code resources} and {@code trails} what they declare;
 * {@code unknownValues} how many resource attributes stayed unknown statically. {@code findings}
 * includes suppressed ones, marked.
 */
public record ScanResult(List<Finding> findings, List<InputError> errors, int files, int resources, int trails,
        int unknownValues, List<Check> checks) {

    /** One rule checked on one trail: JUnit's test cases. */
    public record Check(String ruleId, String file, String address) {
        // equals and hashCode written out, as Position's (start-up).
        @Override
        public boolean equals(Object other) {
            return other instanceof Check that && Objects.equals(ruleId, that.ruleId) && Objects.equals(file, that.file)
                    && Objects.equals(address, that.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, file, address);
        }
    }

    /** The findings that count: not suppressed. */
    public List<Finding> reported() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    /**
     * One suppression that held, as a reviewer sees it: where it is written, its kind, reason and
     * expiry, the rules and resources of the findings it silenced, and how many.
     */
    public record SuppressionInForce(dev.trailwatch.model.Suppression.Kind kind, dev.trailwatch.source.Location at, String reason,
            java.time.LocalDate expires, java.util.SortedSet<String> rules, java.util.SortedSet<String> resources,
            int findings) {}

    /** Every suppression that silenced a finding of this scan, in the order of where it is written. */
    public List<SuppressionInForce> suppressionsInForce() {
        java.util.Map<String, SuppressionInForce> byPlace = new java.util.TreeMap<>();
        for (Finding f : findings) {
            if (!f.isSuppressed()) {
                continue;
            }
            Finding.Suppressed s = f.suppressed();
            String key = (s.at() == null ? "\uffff" : s.at().file() + String.format(":%09d:%09d", s.at().line(),
                    s.at().column())) + "\n" + s.kind() + "\n" + s.reason();
            SuppressionInForce known = byPlace.get(key);
            java.util.SortedSet<String> rules = new java.util.TreeSet<>(known == null ? java.util.Set.of() : known.rules());
            java.util.SortedSet<String> resources = new java.util.TreeSet<>(known == null ? java.util.Set.of()
                    : known.resources());
            rules.add(f.ruleId());
            resources.add(f.resource().address());
            byPlace.put(key, new SuppressionInForce(s.kind(), s.at(), s.reason(), s.expires(), rules, resources,
                    known == null ? 1 : known.findings() + 1));
        }
        return List.copyOf(byPlace.values());
    }

    public int suppressed() {
        return (int) findings.stream().filter(Finding::isSuppressed).count();
    }
}
