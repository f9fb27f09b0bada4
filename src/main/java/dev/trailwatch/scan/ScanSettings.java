package dev.trailwatch.scan;

import dev.trailwatch.cloudformation.ParameterValues;
import dev.trailwatch.policy.FindingPolicy;
import dev.trailwatch.rules.RuleRunner;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.terraform.VariableInputs;
import java.util.function.Consumer;

/**
 * Everything a scan is configured with, whoever starts it (the command line, the language
 * server). {@code internalErrors} receives a defect of ours that ended one unit of work (the
 * command line prints its stack trace with --debug); the scan goes on with the other units.
 */
public record ScanSettings(RuleRunner runner, FindingPolicy policy, ParameterValues parameters,
        VariableInputs variables, DisplayPaths paths, long maxFileSize, int jobs, Consumer<Throwable> internalErrors) {}
