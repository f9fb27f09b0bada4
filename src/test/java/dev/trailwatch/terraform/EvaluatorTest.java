package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What expressions evaluate to, read back from a resource's attributes. */
class EvaluatorTest {
    @TempDir
    Path dir;

    private Resource resource;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "name" {
                  default = "audit"
                }
                variable "unset" {}
                locals {
                  region = "eu-west-1"
                  arn    = "arn:aws:logs:${local.region}:123456789012:log-group:${var.name}"
                  names  = ["a", "", "b"]
                  tags   = { env = "prod", team = "sec" }
                }
                resource "x_test" "t" {
                  format_known   = format("%s:*", local.arn)
                  format_partial = format("%s:*", aws_cloudwatch_log_group.g.arn)
                  format_empty   = format("%s:*", "")
                  join           = join(",", compact(local.names))
                  concat_length  = length(concat(local.names, ["c"]))
                  coalesce       = coalesce("", var.name)
                  lookup         = lookup(local.tags, "team", "none")
                  lookup_default = lookup(local.tags, "owner", "none")
                  try            = try(local.tags.owner, "fallback")
                  try_unknown    = try(var.unset, "fallback")
                  try_nested     = try(try(local.tags.owner, local.tags.nope), "fallback")
                  try_function   = try(upper(local.tags.owner), jsondecode("{bad"), "fallback")
                  try_template   = try("${local.tags.owner}:*", "fallback")
                  json           = jsonencode({ Version = "2012-10-17", Action = ["logs:PutLogEvents"] })
                  decoded        = jsondecode("{\\"a\\": [1, 2]}").a[1]
                  lower_replace  = replace(lower("A-B"), "-", "_")
                  arithmetic     = 1 + 2 * 3 - 4 / 2
                  comparison     = 2 >= 1 && !(1 == 2)
                  for_tuple      = [for n in local.names : upper(n) if n != ""]
                  for_object     = { for k, v in local.tags : v => k }
                  splat          = [{ id = 1 }, { id = 2 }][*].id
                  reference      = aws_iam_role.r[0].arn
                  conditional    = var.unset == "" ? "empty" : "set"
                  unknown_fn     = timestamp()
                  heredoc        = <<-EOT
                    ${var.name}
                    EOT
                }
                """);
        List<InputError> errors = new ArrayList<>();
        DisplayPaths paths = new DisplayPaths(dir);
        ResourceModel model = TerraformLoader.load(dir, new ModuleReader(paths, Long.MAX_VALUE),
                VariableInputs.none(paths), errors);
        assertEquals(List.of(), errors);
        resource = model.resources().get(0);
    }

    private Value value(String attribute) {
        return Values.unwrap(resource.properties().get(attribute));
    }

    private String text(String attribute) {
        return Values.scalarText(value(attribute));
    }

    @Test
    void stringFunctions() {
        assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:audit:*", text("format_known"));
        assertEquals(":*", text("format_empty"));
        assertEquals("a,b", text("join"));
        assertEquals("audit", text("coalesce"));
        assertEquals("a_b", text("lower_replace"));
        assertEquals("audit\n", text("heredoc"));
    }

    @Test
    void partlyKnownFormatKeepsTheReference() {
        Value.Concatenation parts = assertInstanceOf(Value.Concatenation.class, value("format_partial"));
        Value.Reference arn = assertInstanceOf(Value.Reference.class, parts.parts().get(0));
        assertEquals("aws_cloudwatch_log_group.g", arn.target());
        assertEquals("arn", arn.attribute());
        assertEquals(":*", Values.scalarText(parts.parts().get(1)));
    }

    @Test
    void collectionsAndJson() {
        assertEquals("4", text("concat_length"));
        assertEquals("sec", text("lookup"));
        assertEquals("none", text("lookup_default"));
        assertEquals("fallback", text("try"));
        // An unset variable is not an error Terraform would skip, only a value we do not know.
        assertInstanceOf(Value.Unknown.class, value("try_unknown"));
        // A failure inside a nested try(), a function's argument or a template fails the whole.
        assertEquals("fallback", text("try_nested"));
        assertEquals("fallback", text("try_function"));
        assertEquals("fallback", text("try_template"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Action\":[\"logs:PutLogEvents\"]}", text("json"));
        assertEquals("2", text("decoded"));
        Value.ListValue upper = assertInstanceOf(Value.ListValue.class, value("for_tuple"));
        assertEquals(List.of("A", "B"), upper.items().stream().map(Values::scalarText).toList());
        Value.MapValue inverted = assertInstanceOf(Value.MapValue.class, value("for_object"));
        assertEquals("env", Values.scalarText(inverted.get("prod")));
        Value.ListValue ids = assertInstanceOf(Value.ListValue.class, value("splat"));
        assertEquals(List.of("1", "2"), ids.items().stream().map(Values::scalarText).toList());
    }

    @Test
    void operators() {
        assertEquals("5", text("arithmetic"));
        assertEquals("true", text("comparison"));
    }

    @Test
    void whatIsNotKnownStaysSymbolicOrUnknown() {
        Value.Reference role = assertInstanceOf(Value.Reference.class, value("reference"));
        assertEquals("aws_iam_role.r", role.target());
        assertEquals("arn", role.attribute());
        Value.Conditional conditional = assertInstanceOf(Value.Conditional.class, value("conditional"));
        assertEquals("var.unset == \"\"", conditional.condition());
        assertEquals("function timestamp() is not evaluated", assertInstanceOf(Value.Unknown.class,
                value("unknown_fn")).reason());
    }
}
