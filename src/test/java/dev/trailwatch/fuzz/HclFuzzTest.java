package dev.trailwatch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The HCL lexer and parser (seeds: src/test/resources/.../HclFuzzTestInputs). */
class HclFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        FuzzChecks.hcl(input);
    }
}
