package dev.trailwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SARIF paths are the repository's own (%SRCROOT% its root) even when trailwatch runs in a subfolder. */
class SarifSourceRootTest {
    @Test
    void fromASubfolderUrisStayRelativeToTheRepositoryRoot() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.trailwatch.cli.Main", "scan", "-q", "-f", "sarif", "cloudformation/role-missing.json")
                .directory(new File("testdata")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode sarif = new ObjectMapper().readTree(process.getInputStream());
        process.waitFor();
        JsonNode run = sarif.path("runs").get(0);
        assertEquals(Path.of("").toAbsolutePath().toUri().toString(),
                run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText());
        JsonNode location = run.path("results").get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation");
        assertEquals("testdata/cloudformation/role-missing.json", location.path("uri").asText());
        assertEquals("%SRCROOT%", location.path("uriBaseId").asText());
    }
}
