package dev.trailwatch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The project file reader (.trailwatch.yml). */
class ProjectFileFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void read(byte[] input) {
        FuzzChecks.projectFile(input);
    }
}
