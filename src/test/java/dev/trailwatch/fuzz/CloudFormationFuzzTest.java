package dev.trailwatch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The CloudFormation loader on JSON and on YAML (seeds: src/test/resources/.../CloudFormationFuzzTestInputs). */
class CloudFormationFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) {
        FuzzChecks.json(input);
        FuzzChecks.template(input);
    }

    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] input) {
        FuzzChecks.yaml(input);
        FuzzChecks.template(input);
    }
}
