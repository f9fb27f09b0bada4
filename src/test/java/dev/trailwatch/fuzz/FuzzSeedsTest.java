package dev.trailwatch.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in testdata/ through the fuzz targets' invariant, as the fuzzers' seeds are: each
 * ends in a result or a positioned error, never an exception.
 */
class FuzzSeedsTest {
    @TestFactory
    Stream<DynamicTest> everyTestdataFileKeepsTheInvariant() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".hcl")) {
                FuzzChecks.hcl(bytes);
                FuzzChecks.terraform(bytes);
            } else if (name.endsWith(".json")) {
                FuzzChecks.json(bytes);
                FuzzChecks.template(bytes);
            } else if (name.equals(".trailwatch.yml")) {
                FuzzChecks.projectFile(bytes);
            } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template")) {
                FuzzChecks.yaml(bytes);
                FuzzChecks.template(bytes);
                FuzzChecks.projectFile(bytes);
            } else {
                FuzzChecks.glob(name, file.toString());
            }
        }));
    }
}
