package dev.trailwatch.scan;

import dev.trailwatch.source.InputError;
import dev.trailwatch.rules.Finding;
import java.util.List;

/**
 * Everything a report shows. {@code files} counts the infrastructure files read (templates,
 * Terraform files, broken ones included); {@code resources} and {@code trails} what they declare;
 * {@code unknownValues} how many resource attributes stayed unknown statically. {@code findings}
 * includes suppressed ones, marked.
 */
public record ScanResult(List<Finding> findings, List<InputError> errors, int files, int resources, int trails,
        int unknownValues, List<Check> checks) {

    /** One rule checked on one trail: JUnit's test cases. */
    public record Check(String ruleId, String file, String address) {}

    /** The findings that count: not suppressed. */
    public List<Finding> reported() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    public int suppressed() {
        return (int) findings.stream().filter(Finding::isSuppressed).count();
    }
}
