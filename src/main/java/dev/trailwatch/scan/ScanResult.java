package dev.trailwatch.scan;

import dev.trailwatch.source.InputError;
import dev.trailwatch.rules.Finding;
import java.util.List;

/**
 * Everything a report shows. {@code files} counts the infrastructure files read (templates,
 * Terraform files, broken ones included); {@code resources} and {@code trails} what they declare;
 * {@code unknownValues} how many resource attributes stayed unknown statically.
 */
public record ScanResult(List<Finding> findings, List<InputError> errors, int files, int resources, int trails,
        int unknownValues) {}
