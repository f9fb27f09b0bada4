package dev.trailwatch.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The glob matcher: compiles or reports a position, always ends, and agrees with Java's glob where rules match. */
class GlobFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void match(FuzzedDataProvider data) {
        FuzzChecks.glob(data.consumeString(300), data.consumeRemainingAsString());
    }
}
