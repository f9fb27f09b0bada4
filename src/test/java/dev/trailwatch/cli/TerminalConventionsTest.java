package dev.trailwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.testing.Cli;
import org.junit.jupiter.api.Test;

/** Colour as terminals and NO_COLOR expect it, and an advisory exit code. */
class TerminalConventionsTest {
    private static final String TEMPLATE = "testdata/cloudformation/role-missing.json";

    @Test
    void colourIsChosenByTheOptionThenNoColorThenTheTerminal() {
        assertTrue(ColourChoice.AUTO.enabled(false, true));
        assertFalse(ColourChoice.AUTO.enabled(true, true), "NO_COLOR turns auto off");
        assertFalse(ColourChoice.AUTO.enabled(false, false), "no colour into a file or a pipe");
        assertTrue(ColourChoice.ALWAYS.enabled(true, false), "an explicit --color always wins over NO_COLOR");
        assertFalse(ColourChoice.NEVER.enabled(false, true));
    }

    @Test
    void colorAlwaysColoursTheSeverityAndNeverDoesNot() {
        String coloured = Cli.run("scan", "-q", "--color", "always", TEMPLATE).outLines().get(0);
        assertEquals("testdata/cloudformation/role-missing.json:8:5: \u001b[31merror\u001b[0m TW001 Trail is not"
                + " integrated with CloudWatch Logs: CloudWatchLogsRoleArn is not set", coloured);
        assertFalse(Cli.run("scan", "-q", "--color", "never", TEMPLATE).out().contains("\u001b"));
        assertFalse(Cli.run("scan", "-q", TEMPLATE).out().contains("\u001b"), "not a terminal: no colour");
    }

    @Test
    void anUnknownColorIsAUsageError() {
        Cli.Run run = Cli.run("scan", "--color", "sometimes", TEMPLATE);
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: unknown --color 'sometimes'; one of: auto, always, never", run.err().strip());
    }

    @Test
    void softFailExitsZeroWithFindingsAndUnreadableInputsButNotOnUsageErrors() {
        Cli.Run run = Cli.run("scan", "-q", "--soft-fail", "testdata/bad/malformed.json", TEMPLATE);
        assertEquals(ExitCodes.CLEAN, run.exitCode());
        assertTrue(run.out().contains("role-missing.json:8:5: error TW001"), run.out());
        assertTrue(run.err().contains("testdata/bad/malformed.json:4:48: error: "), run.err());
        assertEquals(ExitCodes.FINDINGS, Cli.run("scan", "-q", TEMPLATE).exitCode(), "without it, findings fail");
        assertEquals(ExitCodes.ERROR, Cli.run("scan", "--soft-fail", "--fail-on", "bogus", TEMPLATE).exitCode());
    }

    @Test
    void terraformOnStandardInputWithoutANameIsAnErrorThatSaysWhatToPass() {
        Cli.Run run = Cli.runWithInput("resource \"aws_cloudtrail\" \"t\" {\n  name = \"x\"\n}\n", "scan", "-q", "-");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("<stdin>: error: standard input is not a CloudFormation template or a Terraform plan; for"
                + " Terraform pass --stdin-filename NAME.tf (it is then read with its folder)", run.err().strip());
        Cli.Run template = Cli.runWithInput("Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n", "scan", "-q", "-");
        assertEquals(ExitCodes.FINDINGS, template.exitCode(), "a template needs no name");
    }
}
