package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.source.InputException;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines start the HCL warm-up thread, what it parses ahead, and that the scan sees no difference. */
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

    @Test
    void theNamedFilesFoldersAreParsedAheadInTheScansOrder() throws IOException {
        Path module = Files.createDirectories(folder.resolve("module"));
        for (String name : new String[] {"variables.tf", "main.tf", "outputs.TF", "stack.tf.json", "prod.tfvars"}) {
            Files.writeString(module.resolve(name), "a = 1\n");
        }
        Files.createDirectories(module.resolve("nested.tf"));
        assertEquals(List.of(module.resolve("main.tf"), module.resolve("outputs.TF"), module.resolve("variables.tf")),
                WarmUp.filesToParseAhead(new String[] {"scan", "-q", module.resolve("prod.tfvars").toString(),
                    module.resolve("main.tf").toString()}));
        assertEquals(List.of(), WarmUp.filesToParseAhead(new String[] {"scan", module.toString()}),
                "a folder named: its files are left to the scan");
    }

    @Test
    void aFileParsedAheadGivesTheScanTheSameBodyAndTheSameError() {
        String valid = "resource \"aws_cloudtrail\" \"t\" {\n  name = \"audit-${var.env}\"\n}\n";
        HclSyntax.parseAhead(valid);
        Body ahead = assertDoesNotThrow(() -> HclSyntax.parse(valid));
        Body again = assertDoesNotThrow(() -> HclSyntax.parse(valid));
        assertEquals(again.blocks().get(0).range(), ahead.blocks().get(0).range());
        assertEquals(again.blocks().get(0).labels(), ahead.blocks().get(0).labels());

        String broken = "a = [1,\n";
        InputException direct = assertThrows(InputException.class, () -> HclSyntax.parse(broken));
        HclSyntax.parseAhead(broken);
        InputException afterAhead = assertThrows(InputException.class, () -> HclSyntax.parse(broken));
        assertEquals(direct.getMessage(), afterAhead.getMessage());
        assertEquals(direct.position(), afterAhead.position());
    }
}
