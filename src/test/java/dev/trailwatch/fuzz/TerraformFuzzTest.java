package dev.trailwatch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The Terraform evaluator and the rules on a parsed module, through the command line. */
class TerraformFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void evaluate(byte[] input) {
        FuzzChecks.terraform(input);
    }
}
