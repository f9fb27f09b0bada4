package dev.trailwatch.scan;

import dev.trailwatch.rules.Finding;
import java.util.List;

/**
 * Everything a report shows. {@code files} counts the infrastructure files read (templates,
 * including broken ones); {@code terraformFiles} counts Terraform files not yet analysed.
 */
public record ScanResult(List<Finding> findings, List<InputError> errors, int files, int resources, int trails,
        int terraformFiles) {}
