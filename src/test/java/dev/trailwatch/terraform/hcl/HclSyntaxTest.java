package dev.trailwatch.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Position;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and tricky input for the HCL parser, and how a scan reports Terraform files. */
class HclSyntaxTest {
    @TempDir
    Path temp;

    @Test
    void deepNestingIsAClearErrorNotAStackOverflow() {
        for (String deep : List.of("a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
                "a = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n",
                "a = " + "\"${".repeat(50_000) + "1" + "}\"".repeat(50_000) + "\n",
                "a = " + "{b = ".repeat(100_000) + "1" + "}".repeat(100_000) + "\n")) {
            InputException e = assertThrows(InputException.class, () -> HclSyntax.parse(deep));
            assertEquals("nested too deeply (more than 200 levels)", e.getMessage());
            assertEquals(1, e.position().line());
        }
    }

    /** Top-level items are built while the file is parsed; what that finds still comes after a syntax error. */
    @Test
    void aSyntaxErrorAnywhereIsReportedBeforeADuplicateAttribute() {
        InputException duplicate = assertThrows(InputException.class,
                () -> HclSyntax.parse("a = 1\nb = 2\na = 3\nresource \"x\" \"y\" {\n  c = 4\n}\n"));
        assertEquals("attribute a is already defined at line 1", duplicate.getMessage());
        assertEquals(new Position(3, 1), duplicate.position());
        InputException syntax = assertThrows(InputException.class,
                () -> HclSyntax.parse("a = 1\na = 2\nresource \"x\" \"y\" {\n  c = = 4\n}\n"));
        assertEquals("expected an expression but found '='", syntax.getMessage());
        assertEquals(new Position(4, 7), syntax.position());
    }

    @Test
    void topLevelItemsKeepTheirOrderRangesAndComments() throws InputException {
        Body body = HclSyntax.parse("# head\n\nlocals {\n  x = 1 # c\n}\n\n/* c */ y = [\n  1,\n]\nz = \"${local.x}\"\n");
        assertEquals(3, body.items().size());
        Body.Block locals = assertInstanceOf(Body.Block.class, body.items().get(0));
        assertEquals(dev.trailwatch.source.Range.of(3, 1, 5, 2), locals.range());
        assertEquals(dev.trailwatch.source.Range.of(7, 13, 9, 2), body.attribute("y").value().range());
        assertEquals(dev.trailwatch.source.Range.of(1, 7, 11, 1), body.range()); // from the first newline
        assertEquals(dev.trailwatch.source.Range.of(1, 1, 1, 1), HclSyntax.parse("").range());
    }

    @Test
    void objectForExpressionsIgnoreNewlinesAnywhereInside() throws InputException {
        Body body = HclSyntax.parse("a = {\n  for k, v in var.m : k => v\n    if v != null &&\n    v != \"\"\n}\n"
                + "b = { for k,\n v in x : k => v.enabled\n ? v.x\n : v.y }\n"
                + "c = {\n  x = 1\n}\n");
        Expression.For a = assertInstanceOf(Expression.For.class, body.attribute("a").value());
        assertInstanceOf(Expression.Binary.class, a.condition());
        Expression.For b = assertInstanceOf(Expression.For.class, body.attribute("b").value());
        assertInstanceOf(Expression.Conditional.class, b.value());
        assertInstanceOf(Expression.ObjectCons.class, body.attribute("c").value());
    }

    @Test
    void heredocMarkerMayBeFollowedBySpaces() throws InputException {
        Body body = HclSyntax.parse("a = <<EOT\nfoo\nEOT   \nb = 1\n");
        assertEquals("foo\n", ((Expression.Template) body.attribute("a").value()).literalText());
    }

    @Test
    void flushHeredocIndentationReachesIntoDirectivesAndLeavesBlankLines() throws InputException {
        Body body = HclSyntax.parse("a = <<-EOT\n    %{ for x in xs }\n    item ${x}\n    %{ endfor }\n    EOT\n"
                + "b = <<-EOT\n    foo\n      \n    bar\n    EOT\n");
        Expression.Template a = (Expression.Template) body.attribute("a").value();
        TemplatePart.For loop = assertInstanceOf(TemplatePart.For.class, a.parts().get(1));
        assertEquals("\nitem ", ((TemplatePart.Literal) loop.body().get(0)).text());
        assertEquals("\n", ((TemplatePart.Literal) loop.body().get(2)).text());
        assertEquals("foo\n      \nbar\n", ((Expression.Template) body.attribute("b").value()).literalText());
    }

    @Test
    void tfvarsJsonStringsAreLiteralAndEveryKeyIsAVariable() throws InputException {
        Body body = HclJson.parseVariables("{\"user_data\": \"echo ${HOME:-/root}\", \"resource\": \"aws\"}");
        assertEquals("echo ${HOME:-/root}", ((Expression.Template) body.attribute("user_data").value()).literalText());
        assertEquals("aws", ((Expression.Template) body.attribute("resource").value()).literalText());
    }

    @Test
    void terraformJsonBlocksMayRepeatAndNestedBlockNamesDependOnTheirParent() throws InputException {
        Body body = HclJson.parse("{\"locals\": {\"a\": \"1\"}, \"locals\": {\"b\": \"2\", \"validation\": {\"x\": 1}},"
                + " \"variable\": {\"v\": {\"default\": \"${not.a.template}\", \"validation\": {\"condition\": true}}}}");
        List<Body.Block> blocks = body.blocks();
        assertEquals(List.of("locals", "locals", "variable"), blocks.stream().map(Body.Block::type).toList());
        assertInstanceOf(Expression.ObjectCons.class, blocks.get(1).body().attribute("validation").value());
        Body variable = blocks.get(2).body();
        assertEquals("${not.a.template}", ((Expression.Template) variable.attribute("default").value()).literalText());
        assertEquals("validation", variable.blocks().get(0).type());
    }

    @Test
    void nestingWithinTheLimitParses() throws InputException {
        Body body = HclSyntax.parse("a = " + "[".repeat(150) + "]".repeat(150) + "\n");
        assertInstanceOf(Expression.Tuple.class, body.attribute("a").value());
    }

    @Test
    void crlfHeredocClosesOnItsMarker() throws InputException {
        Body body = HclSyntax.parse("a = <<EOT\r\nline\r\nEOT\r\nb = 1\r\n");
        Expression.Template a = (Expression.Template) body.attribute("a").value();
        assertEquals("line\r\n", ((TemplatePart.Literal) a.parts().get(0)).text());
        assertEquals(new Position(4, 1), body.attribute("b").range().start());
    }

    @Test
    void keywordsNameAttributesBlocksAndKeys() throws InputException {
        Body body = HclSyntax.parse("for = 1\nif {\n  in = true\n}\nx = { else = null, endif = 2 }\ny = var.for\n");
        assertEquals(List.of("for", "x", "y"), body.attributes().stream().map(Body.Attribute::name).toList());
        assertEquals("if", body.blocks().get(0).type());
    }

    @Test
    void forAtTheStartOfATupleIsAForExpression() {
        InputException e = assertThrows(InputException.class, () -> HclSyntax.parse("a = [for, b]\n"));
        assertEquals(new Position(1, 9), e.position());
    }

    @Test
    void jsonStringTemplatesArePositionedInsideTheirQuotes() throws InputException {
        Body body = HclJson.parse("{\"locals\": {\"x\": \"a${local.y}\"}}");
        Body.Attribute x = body.blocks().get(0).body().attribute("x");
        Expression.Template template = (Expression.Template) x.value();
        assertEquals(new Position(1, 18), template.range().start());
        TemplatePart.Interpolation interpolation = (TemplatePart.Interpolation) template.parts().get(1);
        assertEquals(new Position(1, 20), interpolation.range().start());
        InputException e = assertThrows(InputException.class,
                () -> HclJson.parse("{\n  \"locals\": {\"x\": \"${1 +}\"}\n}"));
        assertEquals(new Position(2, 25), e.position());
    }

    @Test
    void scanReportsBrokenTerraformNextToTheFindingsOfOtherFiles() throws IOException {
        Files.writeString(temp.resolve("main.tf"), "resource \"aws_cloudtrail\" \"x\" {\n  name = \"a\"\n");
        Files.write(temp.resolve("garbage.tf"), new byte[] {(byte) 0xFF, 0, 1, 2});
        Files.writeString(temp.resolve("ok.tf"), "variable \"region\" {\n  default = \"eu-west-1\"\n}\n");
        Files.writeString(temp.resolve("trail.yaml"), "Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n");
        Cli.Run run = Cli.run("scan", temp.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.out().contains("trail.yaml:2:3: error TW001"), run.out());
        List<String> errors = run.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(2, errors.size(), run.err());
        assertTrue(errors.get(0).endsWith("garbage.tf:1:1: error: not valid UTF-8: byte 0xFF cannot start or continue"
                + " a character"), errors.get(0));
        assertTrue(errors.get(1).endsWith("main.tf:1:31: error: this '{' is never closed: expected '}' but found the end"
                + " of the file (line 3)"),
                errors.get(1));
        assertTrue(run.err().contains("trailwatch: 4 files, 1 resource, 1 trail: 1 finding, 2 errors"), run.err());
    }
}
