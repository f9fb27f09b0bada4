package dev.trailwatch.document;

import dev.trailwatch.cloudformation.CloudFormationYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node keeps the range it was written at; short forms become long forms. */
class DocumentParserTest {

    private static Value.MapValue map(Value v) {
        return assertInstanceOf(Value.MapValue.class, v);
    }

    @Test
    void yamlScalarsKeepTheirRanges() throws InputException {
        Value.MapValue root = map(CloudFormationYaml.parse("a:\n  b: hello\n  c: 42\n  d: 'x y'\n  e: true\n  f:\n"));
        Value.MapValue a = map(root.get("a"));
        assertEquals(Range.of(2, 3, 2, 4), a.entry("b").keyRange());
        assertEquals(new Value.Text("hello", Range.of(2, 6, 2, 11)), a.get("b"));
        assertEquals(new Value.Number("42", Range.of(3, 6, 3, 8)), a.get("c"));
        assertEquals(new Value.Text("x y", Range.of(4, 6, 4, 11)), a.get("d"));
        assertEquals(new Value.Bool(true, Range.of(5, 6, 5, 10)), a.get("e"));
        assertInstanceOf(Value.Null.class, a.get("f"));
    }

    @Test
    void jsonNodesKeepTheirRanges() throws InputException {
        Value.MapValue root = map(CloudFormationYaml.parse("{\n  \"k\": \"v\",\n  \"list\": [1, {\"x\": null}]\n}"));
        assertEquals(Range.of(1, 1, 4, 2), root.range());
        assertEquals(Range.of(2, 3, 2, 6), root.entry("k").keyRange());
        assertEquals(new Value.Text("v", Range.of(2, 8, 2, 11)), root.get("k"));
        Value.ListValue list = assertInstanceOf(Value.ListValue.class, root.get("list"));
        assertEquals(Range.of(3, 11, 3, 27), list.range());
        assertEquals(Range.of(3, 15, 3, 26), list.items().get(1).range());
    }

    @Test
    void everyShortFormBecomesItsLongForm() throws InputException {
        for (String fn : List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
                "Split", "Sub", "If", "Equals", "Not", "And", "Or", "Transform", "ToJsonString", "Length")) {
            Value.MapValue root = map(CloudFormationYaml.parse("v: !" + fn + " x\n"));
            Value.MapValue call = map(root.get("v"));
            assertEquals(List.of("Fn::" + fn), List.copyOf(call.entries().keySet()), fn);
            assertEquals(new Value.Text("x", Range.of(1, 4, 1, 7 + fn.length())), call.get("Fn::" + fn));
        }
        assertEquals(List.of("Ref"), List.copyOf(map(map(CloudFormationYaml.parse("v: !Ref X")).get("v")).entries().keySet()));
        assertEquals(List.of("Condition"),
                List.copyOf(map(map(CloudFormationYaml.parse("v: !Condition C")).get("v")).entries().keySet()));
        Value.MapValue seq = map(map(CloudFormationYaml.parse("v: !Join [',', [a, b]]")).get("v"));
        assertInstanceOf(Value.ListValue.class, seq.get("Fn::Join"));
    }

    @Test
    void taggedNumberStaysTheArgumentText() throws InputException {
        Value.MapValue call = map(map(CloudFormationYaml.parse("v: !GetAZs 1\n")).get("v"));
        assertEquals("1", ((Value.Text) call.get("Fn::GetAZs")).text());
    }

    @Test
    void unquotedDateIsText() throws InputException {
        Value.MapValue root = map(CloudFormationYaml.parse("AWSTemplateFormatVersion: 2010-09-09\n"));
        assertEquals("2010-09-09", ((Value.Text) root.get("AWSTemplateFormatVersion")).text());
    }

    @Test
    void crlfBomAndTabsKeepColumnsAsTheUserSeesThem() throws InputException {
        byte[] bytes = ("\uFEFF{\r\n\t\"Resources\": {}\r\n}\r\n").getBytes(StandardCharsets.UTF_8);
        SourceFile file = SourceFile.decode(java.nio.file.Path.of("t.json"), "t.json", bytes);
        Value.MapValue root = map(CloudFormationYaml.parse(file.text()));
        assertEquals(Range.of(2, 2, 2, 13), root.entry("Resources").keyRange());
        Value.MapValue yaml = map(CloudFormationYaml.parse("a: 1\r\nb: 2\r\n"));
        assertEquals(Range.of(2, 1, 2, 2), yaml.entry("b").keyRange());
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        InputException json = assertThrows(InputException.class, () -> CloudFormationYaml.parse("{\n  \"a\": [1,\n}"));
        assertEquals(3, json.position().line());
        InputException yaml = assertThrows(InputException.class, () -> CloudFormationYaml.parse("x: 1\na: b: c\n"));
        assertEquals(new dev.trailwatch.source.Position(2, 5), yaml.position());
        assertEquals("mapping values are not allowed here", yaml.getMessage());
    }

    @Test
    void anchorsWithoutAliasesAreAccepted() throws InputException {
        Value.MapValue root = map(CloudFormationYaml.parse("a: &x 1\nb: 2\n"));
        assertEquals(new Value.Number("1", Range.of(1, 4, 1, 8)), root.get("a"));
    }
}
