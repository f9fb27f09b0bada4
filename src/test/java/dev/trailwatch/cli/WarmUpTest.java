package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines start the HCL warm-up thread, and that its configuration parses. */
class WarmUpTest {
    @TempDir
    Path folder;

    @Test
    void aScanThatReadsTerraformWarmsUp() {
        assertTrue(WarmUp.readsTerraform(new String[] {"main.tf"}));
        assertTrue(WarmUp.readsTerraform(new String[] {"scan", "-q", "envs/prod.TFVARS"}));
        assertTrue(WarmUp.readsTerraform(new String[] {"scan", "-q", "a.yaml", "terragrunt.hcl"}));
        assertTrue(WarmUp.readsTerraform(new String[] {"scan", folder.toString()}));
        assertTrue(WarmUp.readsTerraform(new String[] {"scan", "-f", "sarif"}), "no path: the working directory");
        assertTrue(WarmUp.readsTerraform(new String[] {}));
    }

    @Test
    void otherCommandsAndTemplatesDoNot() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), "Resources: {}\n");
        Path stack = Files.writeString(folder.resolve("stack.json"), "{}\n");
        assertFalse(WarmUp.readsTerraform(new String[] {"scan", "-q", "-f", "json", template.toString(),
            stack.toString()}));
        assertFalse(WarmUp.readsTerraform(new String[] {"-", "--stdin-filename", "template.yaml"}));
        assertFalse(WarmUp.readsTerraform(new String[] {"rules"}));
        assertFalse(WarmUp.readsTerraform(new String[] {"lsp"}));
        assertFalse(WarmUp.readsTerraform(new String[] {"--version"}));
    }

    @Test
    void theWarmUpConfigurationParses() {
        assertDoesNotThrow(HclSyntax::warmUp);
    }
}
