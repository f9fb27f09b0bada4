package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;

/**
 * One Terraform function on evaluated arguments. It throws {@link Arguments.NotKnown} when an
 * argument is not known, {@link Arguments.Failed} where Terraform fails, and
 * {@link Arguments.NotEvaluated} for a form of the call trailwatch does not evaluate.
 */
@FunctionalInterface
interface TerraformFunction {
    Value apply(Arguments args);
}
