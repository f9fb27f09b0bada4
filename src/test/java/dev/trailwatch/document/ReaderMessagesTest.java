package dev.trailwatch.document;

import dev.trailwatch.cloudformation.CloudFormationYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailwatch.source.InputException;
import org.junit.jupiter.api.Test;

/** The readers' errors say where and why, without the reader's internals. */
class ReaderMessagesTest {
    private static final String HEAD = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"T\": {\"Type\":"
            + " \"AWS::CloudTrail::Trail\", \"Properties\": {\"X\": ";

    @Test
    void aNumberTooLongIsNotCalledNestedTooDeeply() {
        InputException e = assertThrows(InputException.class,
                () -> DocumentParser.parseJson(HEAD + "1" + "0".repeat(20_000) + "}}}}"));
        assertEquals("a number of 20001 digits, longer than the reader's limit of 10000", e.getMessage());
        assertEquals(1, e.position().line());
    }

    @Test
    void noReaderSourceDescriptionInMessages() {
        for (String broken : new String[] {HEAD + "[1, 2", HEAD + "{\"a\": 1", "[\n  {\"a\": [\n"}) {
            InputException e = assertThrows(InputException.class, () -> DocumentParser.parseJson(broken));
            assertFalse(e.getMessage().contains("REDACTED") || e.getMessage().contains("Source:"), e.getMessage());
        }
    }

    @Test
    void aYamlLineTooLongForTheReaderIsAnErrorAtItsStart() throws InputException {
        String line = "x".repeat(ReaderMessages.MAX_YAML_LINE - "Description: ".length());
        DocumentParser.parseYaml("a: 1\nDescription: " + line + "\n", CloudFormationYaml.DIALECT); // exactly at the limit: read
        InputException e = assertThrows(InputException.class,
                () -> DocumentParser.parseYaml("a: 1\nDescription: " + line + "y\n", CloudFormationYaml.DIALECT));
        assertEquals("a line of 1048577 characters, longer than the 1048576 that YAML is read with", e.getMessage());
        assertEquals(2, e.position().line());
        assertEquals(1, e.position().column());
    }

    @Test
    void aControlCharacterInYamlIsAtItsOwnPosition() {
        InputException e = assertThrows(InputException.class,
                () -> DocumentParser.parseYaml("a: 1\nb:\n  c: \"x\u0002y\"\n", CloudFormationYaml.DIALECT));
        assertEquals("character U+0002 is not allowed in YAML", e.getMessage());
        assertEquals(3, e.position().line());
        assertEquals(8, e.position().column());
    }
}
