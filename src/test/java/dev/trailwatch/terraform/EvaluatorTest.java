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
import java.util.Map;
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
        // Terraform writes an object's keys in lexical order (terraform console 1.11.4).
        assertEquals("{\"Action\":[\"logs:PutLogEvents\"],\"Version\":\"2012-10-17\"}", text("json"));
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

    /**
     * Each function call gives what {@code terraform console} (Terraform 1.11.4) gives for it:
     * "error" where Terraform fails (so try() moves on and can() is false), "unknown" where it
     * gives a value known only after apply.
     */
    @Test
    void functionsAgreeWithTerraformConsole() throws IOException {
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("coalesce(\"\", \"a\")", "\"a\""),
                Map.entry("coalesce(null, \"\", \"b\")", "\"b\""),
                Map.entry("coalesce(\"\", null)", "error"),
                Map.entry("coalesce(1, \"a\")", "\"1\""),
                Map.entry("coalesce([], [\"a\"])", "[]"),
                Map.entry("coalesce(false, true)", "false"),
                Map.entry("coalescelist([], [\"a\"])", "[\"a\"]"),
                Map.entry("coalescelist(null, [\"a\"])", "error"),
                Map.entry("coalescelist([], [])", "error"),
                Map.entry("one([\"a\", \"b\"])", "error"),
                Map.entry("one([])", "null"),
                Map.entry("one(null)", "error"),
                Map.entry("one({})", "error"),
                Map.entry("tonumber(\"abc\")", "error"),
                Map.entry("tonumber(null)", "null"),
                Map.entry("tonumber(\"1.50\")", "1.5"),
                Map.entry("tostring(true)", "\"true\""),
                Map.entry("tostring(1.0)", "\"1\""),
                Map.entry("tostring(null)", "null"),
                Map.entry("toset([\"b\", \"a\", \"b\"])", "[\"a\", \"b\"]"),
                Map.entry("toset([10, 9, 1])", "[1, 9, 10]"),
                Map.entry("tolist(toset([\"b\", \"a\", \"c\"]))", "[\"a\", \"b\", \"c\"]"),
                Map.entry("keys({b = 1, a = 2, c = 3})", "[\"a\", \"b\", \"c\"]"),
                Map.entry("values({b = 1, a = 2, c = 3})", "[2, 1, 3]"),
                Map.entry("[for k, v in {b = 1, a = 2} : \"${k}${v}\"]", "[\"a2\", \"b1\"]"),
                Map.entry("jsonencode({b = 1, a = \"x<y>&z\"})", "\"{\\\"a\\\":\\\"x\\\\u003cy\\\\u003e\\\\u0026z\\\",\\\"b\\\":1}\""),
                Map.entry("jsonencode({\"b\" = [1.0, \"x\"], \"a\" = {z = 1, y = 2}})", "\"{\\\"a\\\":{\\\"y\\\":2,\\\"z\\\":1},\\\"b\\\":[1,\\\"x\\\"]}\""),
                Map.entry("jsonencode(1.50)", "\"1.5\""),
                Map.entry("jsonencode(\"a\\u2028b\")", "\"\\\"a\\\\u2028b\\\"\""),
                Map.entry("can(lookup({}, \"a\"))", "false"),
                Map.entry("can(one([\"a\", \"b\"]))", "false"),
                Map.entry("element([\"a\", \"b\", \"c\"], 4)", "\"b\""),
                Map.entry("element([\"a\", \"b\", \"c\"], -1)", "error"),
                Map.entry("element([], 0)", "error"),
                Map.entry("element([\"a\", \"b\"], 1.5)", "error"),
                Map.entry("lookup({a = 1}, \"b\")", "error"),
                Map.entry("lookup({a = \"x\"}, \"b\", \"d\")", "\"d\""),
                Map.entry("lookup({a = null}, \"a\", \"d\")", "null"),
                Map.entry("format(\"%s:*\", \"\")", "\":*\""),
                Map.entry("format(\"%q\", \"a\\\"b\")", "\"\\\"a\\\\\\\"b\\\"\""),
                Map.entry("format(\"%q\", \"tab\\there\")", "\"\\\"tab\\\\there\\\"\""),
                Map.entry("format(\"%d\", \"12\")", "\"12\""),
                Map.entry("format(\"%d\", 1.5)", "error"),
                Map.entry("format(\"%d\", \"abc\")", "error"),
                Map.entry("format(\"%s\", null)", "unknown"),
                Map.entry("format(\"%s\", true)", "\"true\""),
                Map.entry("format(\"%s\", 1.50)", "\"1.5\""),
                Map.entry("format(\"%5s|\", \"ab\")", "\"   ab|\""),
                Map.entry("format(\"%-4s|\", \"ab\")", "\"ab  |\""),
                Map.entry("format(\"%t\", true)", "\"true\""),
                Map.entry("format(\"%s %s\", \"a\")", "error"),
                Map.entry("format(\"%s\", \"a\", \"b\")", "error"),
                Map.entry("format(\"%%s\")", "\"%s\""),
                Map.entry("formatlist(\"%s:*\", [\"a\", \"b\"])", "[\"a:*\", \"b:*\"]"),
                Map.entry("formatlist(\"%s-%s\", [\"a\", \"b\"], \"x\")", "[\"a-x\", \"b-x\"]"),
                Map.entry("formatlist(\"%s-%s\", [\"a\", \"b\"], [\"x\", \"y\"])", "[\"a-x\", \"b-y\"]"),
                Map.entry("formatlist(\"%s-%s\", [\"a\", \"b\"], [\"x\"])", "error"),
                Map.entry("formatlist(\"%s\", [])", "[]"),
                Map.entry("formatlist(\"%s\", \"a\")", "[\"a\"]"),
                Map.entry("trim(\"/a/b/\", \"/\")", "\"a/b\""),
                Map.entry("trim(\"abcba\", \"ab\")", "\"c\""),
                Map.entry("chomp(\"a\\r\\n\\n\")", "\"a\""),
                Map.entry("startswith(\"arn:aws\", \"arn:\")", "true"),
                Map.entry("endswith(\"arn:aws\", \"aws\")", "true"),
                Map.entry("strcontains(\"arn:aws\", \"n:a\")", "true"),
                Map.entry("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)", "[\"b\", \"c\"]"),
                Map.entry("slice([\"a\", \"b\"], 1, 5)", "error"),
                Map.entry("substr(\"hello\", -3, -1)", "\"llo\""),
                Map.entry("substr(\"hello\", 1, 10)", "\"ello\""),
                Map.entry("substr(\"héllo\", 1, 2)", "\"él\""),
                Map.entry("substr(\"hello\", 6, 1)", "\"\""),
                Map.entry("substr(\"hello\", -10, 2)", "\"he\""),
                Map.entry("substr(\"hello\", 2, -2)", "\"llo\""),
                Map.entry("index([\"a\", \"b\"], \"b\")", "1"),
                Map.entry("index([\"a\", \"b\"], \"c\")", "error"),
                Map.entry("reverse([\"a\", \"b\", \"c\"])", "[\"c\", \"b\", \"a\"]"),
                Map.entry("sort([\"b\", \"a\", \"C\", \"10\", \"9\"])", "[\"10\", \"9\", \"C\", \"a\", \"b\"]"),
                Map.entry("zipmap([\"a\", \"b\"], [1, 2])", "{a = 1, b = 2}"),
                Map.entry("range(0, 10, 3)", "[0, 3, 6, 9]"),
                Map.entry("range(3, 0)", "[3, 2, 1]"),
                Map.entry("regex(\"^arn:([^:]+):\", \"arn:aws:logs\")", "[\"aws\"]"),
                Map.entry("regex(\"[a-z]+\", \"123abc456\")", "\"abc\""),
                Map.entry("regex(\"(?P<p>[^:]+):(?P<s>[^:]+)\", \"aws:logs\")", "{p = \"aws\", s = \"logs\"}"),
                Map.entry("regex(\"(?<x>a)\", \"a\")", "{x = \"a\"}"),
                Map.entry("regex(\"(a)?b\", \"b\")", "[null]"),
                Map.entry("regex(\"x\", \"abc\")", "error"),
                Map.entry("regex(\"(a)\\\\1\", \"aa\")", "error"),
                Map.entry("regex(\"a(?=b)\", \"ab\")", "error"),
                Map.entry("regex(\"\\\\d{12}\", \"acct 123456789012 x\")", "\"123456789012\""),
                Map.entry("regexall(\"(\\\\d)(\\\\w)\", \"1a2b\")", "[[\"1\", \"a\"], [\"2\", \"b\"]]"),
                Map.entry("regexall(\"a*\", \"baaac\")", "[\"\", \"aaa\", \"\"]"),
                Map.entry("replace(\"arn:aws:iam::1:role/x\", \"/^(.*role/)/\", \"\")", "\"x\""),
                Map.entry("replace(\"a-b-c\", \"/(\\\\w)-/\", \"$1_\")", "\"c\""),
                Map.entry("replace(\"a-b-c\", \"/(\\\\w)-/\", \"$${1}x\")", "\"axbxc\""),
                Map.entry("replace(\"ab\", \"/(?P<first>a)/\", \"<$first>\")", "\"<a>b\""),
                Map.entry("replace(\"a.b\", \"/[.]/\", \"$$\")", "\"a$b\""),
                Map.entry("replace(\"abc\\n\", \"/c$/\", \"Z\")", "\"abc\\n\""),
                Map.entry("replace(\"x\\ny\", \"/(?m)^y$/\", \"Z\")", "\"x\\nZ\""),
                Map.entry("replace(\"baaac\", \"/a*/\", \"-\")", "\"-b-c-\""),
                Map.entry("replace(\"a[b\", \"/[[]/\", \"x\")", "\"axb\""),
                Map.entry("replace(\"a&b\", \"/[&&]/\", \"x\")", "\"axb\""),
                Map.entry("replace(\"aB1\", \"/[[:upper:][:digit:]]/\", \"_\")", "\"a__\""),
                Map.entry("replace(\"a+b\", \"/\\\\Q+\\\\E/\", \"-\")", "\"a-b\""),
                Map.entry("regex(\"(?i)ARN:(aws|aws-cn):\", \"arn:aws-cn:x\")", "[\"aws-cn\"]"),
                Map.entry("regex(\"^arn:aws:iam::\\\\d{12}:role/.+$\", \"arn:aws:iam::123456789012:role/a\")", "\"arn:aws:iam::123456789012:role/a\""),
                Map.entry("can(regex(\"^[\\\\w+=,.@-]{1,64}$\", \"role-name\"))", "true"),
                Map.entry("can(regex(\"^[\\\\w+=,.@-]{1,64}$\", \"role name\"))", "false"),
                Map.entry("regexall(\"\\\\bab\", \"ab cab ab\")", "[\"ab\", \"ab\"]"),
                Map.entry("replace(\"a1b22\", \"/[0-9]+/\", \"#\")", "\"a#b#\""),
                Map.entry("replace(\"ab\", \"/(a)(b)/\", \"$2$1\")", "\"ba\""),
                Map.entry("replace(\"ab\", \"/(a)/\", \"$0$0\")", "\"aab\""),
                Map.entry("replace(\"ab\", \"/a/\", \"$\")", "\"$b\""),
                Map.entry("regex(\"a{2,3}\", \"aaaa\")", "\"aaa\""),
                Map.entry("regex(\"[^:]+$\", \"arn:aws:logs:x:*\")", "\"*\""),
                Map.entry("replace(\"hello\", \"\", \"-\")", "\"-h-e-l-l-o-\""),
                Map.entry("split(\"\", \"abc\")", "[\"a\", \"b\", \"c\"]"),
                Map.entry("split(\",\", \"\")", "[\"\"]"),
                Map.entry("length(\"🇩🇪\")", "1"),
                Map.entry("length(\"héllo\")", "5"),
                Map.entry("join(\",\", [])", "\"\""),
                Map.entry("join(\"-\", [\"a\"], [\"b\", \"c\"])", "\"a-b-c\""),
                Map.entry("join(\",\", [\"a\", null])", "error"),
                Map.entry("compact([\"a\", \"\", null, \"b\"])", "[\"a\", \"b\"]"),
                Map.entry("flatten([[\"a\", [\"b\"]], [], \"c\"])", "[\"a\", \"b\", \"c\"]"),
                Map.entry("distinct([\"b\", \"a\", \"b\"])", "[\"b\", \"a\"]"),
                Map.entry("merge({a = 1}, null, {b = 2})", "{a = 1, b = 2}"),
                Map.entry("nonsensitive(sensitive(\"a\"))", "\"a\""),
                Map.entry("title(\"aws cloudtrail_logs-x\")", "\"Aws Cloudtrail_logs-X\""),
                Map.entry("basename(\"a/b/\")", "\"b\""),
                Map.entry("basename(\"/\")", "\"/\""),
                Map.entry("dirname(\"a/b/c\")", "\"a/b\""),
                Map.entry("setunion([\"b\"], [\"a\", \"b\"])", "[\"a\", \"b\"]"),
                Map.entry("setintersection([\"b\", \"a\", \"c\"], [\"c\", \"b\"])", "[\"b\", \"c\"]"),
                Map.entry("setsubtract([\"b\", \"a\", \"c\"], [\"b\"])", "[\"a\", \"c\"]"),
                Map.entry("alltrue([true, \"true\"])", "true"),
                Map.entry("alltrue([])", "true"),
                Map.entry("anytrue([])", "false"),
                Map.entry("try(one([\"a\", \"b\"]), \"d\")", "\"d\"")
);
        assertEvaluateAsTerraform(cases);
    }

    /**
     * A call with too few arguments is an error in Terraform ("Not enough function arguments"),
     * which try() skips; so is any operation or attribute read on a value Terraform fails to
     * compute. Bug fixed: lower() and join() without arguments were "not known" rather than errors.
     */
    @Test
    void failuresPropagateAndTooFewArgumentsFail() throws IOException {
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("lower()", "error"),
                Map.entry("length()", "error"),
                Map.entry("try(lower(), \"d\")", "\"d\""),
                Map.entry("can(join())", "false"),
                Map.entry("can(formatlist())", "false"),
                Map.entry("try({a = 1}.b + 1, \"d\")", "\"d\""),
                Map.entry("try(!{a = true}.b, \"d\")", "\"d\""),
                Map.entry("try([{x = 1}][3].x, \"d\")", "\"d\""),
                Map.entry("try(var.unset + 1, \"d\")", "unknown"),
                Map.entry("true || var.unset", "true"),
                Map.entry("var.unset && false", "false"),
                Map.entry("var.unset || false", "unknown"),
                Map.entry("!var.unset", "unknown"),
                Map.entry("!\"false\"", "true"),
                Map.entry("null == var.unset", "unknown"),
                Map.entry("1 != 1.0", "false"),
                Map.entry("\"%{ if var.flag }a%{ else }b%{ endif }\"", "unknown"),
                Map.entry("\"%{ if \"true\" }a%{ else }b%{ endif }\"", "\"a\""),
                Map.entry("[for x in [1, 2, 3] : x if x >= 2]", "[2, 3]"),
                Map.entry("[for x in [1, 2] : x if var.flag]", "unknown"),
                Map.entry("min(3, 1, 2)", "1"),
                Map.entry("max(3, \"4\", 2)", "4"));
        assertEvaluateAsTerraform(cases);
    }

    /**
     * coalesce() skips null and "" and takes the first other value, also when it is not written
     * literally but cannot be null or empty: a resource's attribute, or a string with a non-empty
     * known part. An undecided condition is followed on each branch.
     */
    @Test
    void coalesceTakesAValueThatCannotBeEmpty() throws IOException {
        Map<String, String> actual = evaluate(List.of(
                "coalesce(var.null_arn, \"${aws_cloudwatch_log_group.x.arn}:*\")",
                "coalesce(var.null_arn, aws_cloudwatch_log_group.x.arn)",
                "coalesce(\"\", var.unset, \"a\")",
                "coalesce(\"${var.empty}\", \"a\")",
                "coalesce(\"${var.empty}${var.unset}\", \"a\")",
                "coalesce(var.flag ? \"\" : null, \"a\")",
                "coalesce(var.flag ? \"\" : \"b\", \"a\")",
                "lower(var.flag ? \"A\" : \"B\")",
                "formatlist(\"%s:*\", aws_cloudwatch_log_group.x[*].arn)",
                "replace(\"a\", \"/(?U)a/\", \"b\")",
                "tostring(aws_cloudwatch_log_group.x.arn)"));
        assertEquals("\"${aws_cloudwatch_log_group.x.arn}:*\"", actual.get("coalesce(var.null_arn, \"${aws_cloudwatch_log_group.x.arn}:*\")"));
        assertEquals("${aws_cloudwatch_log_group.x.arn}", actual.get("coalesce(var.null_arn, aws_cloudwatch_log_group.x.arn)"));
        assertEquals("unknown", actual.get("coalesce(\"\", var.unset, \"a\")"));
        assertEquals("\"a\"", actual.get("coalesce(\"${var.empty}\", \"a\")"));
        assertEquals("unknown", actual.get("coalesce(\"${var.empty}${var.unset}\", \"a\")"));
        assertEquals("\"a\"", actual.get("coalesce(var.flag ? \"\" : null, \"a\")"));
        assertEquals("(var.flag ? \"a\" : \"b\")", actual.get("coalesce(var.flag ? \"\" : \"b\", \"a\")"));
        assertEquals("(var.flag ? \"a\" : \"b\")", actual.get("lower(var.flag ? \"A\" : \"B\")"));
        // A splat of a resource may have any number of instances: not known.
        assertEquals("unknown", actual.get("formatlist(\"%s:*\", aws_cloudwatch_log_group.x[*].arn)"));
        assertEquals("${aws_cloudwatch_log_group.x.arn}", actual.get("tostring(aws_cloudwatch_log_group.x.arn)"));
        // RE2's ungreedy flag has no Java equivalent: knowingly not evaluated, not a failure.
        assertEquals("unknown", actual.get("replace(\"a\", \"/(?U)a/\", \"b\")"));
    }

    /**
     * file() and templatefile() read files beside the module (path.module), as terraform console
     * 1.11.4 gives them; %{ for } in a template is not evaluated; a path relative to where
     * Terraform runs, or outside the module's repository, is not read.
     */
    @Test
    void filesBesideTheModuleAreRead() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("functions/sub"));
        Files.writeString(sub.resolve("p.json"), "{\"Version\": \"2012-10-17\"}\n");
        Files.writeString(sub.resolve("arn.tpl"), "arn:aws:logs:%{ if region != \"\" }${region}%{ else }us-east-1"
                + "%{ endif }:${account}:log-group:${name}:*");
        Files.writeString(sub.resolve("loop.tpl"), "%{ for a in actions }\"${a}\",%{ endfor }");
        Files.writeString(dir.resolve("outside.txt"), "outside");
        List<String> expressions = List.of(
                "file(\"${path.module}/sub/p.json\")",
                "templatefile(\"${path.module}/sub/arn.tpl\", {region = \"\", account = \"1\", name = \"x\"})",
                "templatefile(\"${path.module}/sub/arn.tpl\", {region = \"eu-west-1\", account = \"1\", name = \"x\"})",
                "file(\"${path.module}/sub/missing.json\")",
                "try(file(\"${path.module}/sub/missing.json\"), \"none\")",
                "templatefile(\"${path.module}/sub/loop.tpl\", {actions = [\"a\", \"b\"]})",
                "file(\"sub/p.json\")",
                "file(\"${path.module}/../outside.txt\")",
                "file(\"${path.root}/sub/p.json\")",
                "file(\"${path.module}/sub/p\\u0000.json\")");
        Map<String, String> actual = evaluate(expressions);
        assertEquals(List.of("\"{\\\"Version\\\": \\\"2012-10-17\\\"}\\n\"",
                "\"arn:aws:logs:us-east-1:1:log-group:x:*\"",
                "\"arn:aws:logs:eu-west-1:1:log-group:x:*\"",
                "error", "\"none\"", "unknown", "unknown", "unknown", "unknown", "error"),
                expressions.stream().map(actual::get).toList());
    }

    /** Each expression gives what is expected of it, rendered as {@link #render} writes values. */
    private void assertEvaluateAsTerraform(List<Map.Entry<String, String>> cases) throws IOException {
        Map<String, String> actual = evaluate(cases.stream().map(Map.Entry::getKey).toList());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases) {
            if (!c.getValue().equals(actual.get(c.getKey()))) {
                wrong.add(c.getKey() + " gives " + actual.get(c.getKey()) + ", Terraform " + c.getValue());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Each expression as an attribute of one resource, rendered as {@link #render} writes values. */
    private Map<String, String> evaluate(List<String> expressions) throws IOException {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        StringBuilder tf = new StringBuilder("""
                variable "null_arn" {
                  default = null
                }
                variable "empty" {
                  default = ""
                }
                variable "unset" {}
                variable "flag" {}
                resource "x_test" "t" {
                """);
        for (int i = 0; i < expressions.size(); i++) {
            tf.append("  c").append(i).append(" = ").append(expressions.get(i)).append('\n');
        }
        tf.append("}\n");
        Files.writeString(functions.resolve("main.tf"), tf);
        List<InputError> errors = new ArrayList<>();
        DisplayPaths paths = new DisplayPaths(functions);
        ResourceModel model = TerraformLoader.load(functions, new ModuleReader(paths, Long.MAX_VALUE),
                VariableInputs.none(paths), errors);
        assertEquals(List.of(), errors);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < expressions.size(); i++) {
            out.put(expressions.get(i), render(model.resources().get(0).properties().get("c" + i)));
        }
        return out;
    }

    /** A value as terraform console shows it, with "${…}" for references and "(c ? a : b)" for conditions. */
    private static String render(Value value) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Text t) {
            return '"' + escape(t.text()) + '"';
        }
        if (v instanceof Value.Number n) {
            return n.literal();
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        if (v instanceof Value.ListValue l) {
            return "[" + String.join(", ", l.items().stream().map(EvaluatorTest::render).toList()) + "]";
        }
        if (v instanceof Value.MapValue m) {
            return "{" + String.join(", ", m.entries().values().stream()
                    .map(e -> e.key() + " = " + render(e.value())).toList()) + "}";
        }
        if (v instanceof Value.Reference r) {
            return "${" + r.target() + (r.attribute() == null ? "" : "." + r.attribute()) + "}";
        }
        if (v instanceof Value.Concatenation c && c.parts().size() == 1) {
            return render(c.parts().get(0));
        }
        if (v instanceof Value.Concatenation c) {
            StringBuilder s = new StringBuilder("\"");
            for (Value part : c.parts()) {
                String text = Values.scalarText(part);
                s.append(text != null ? escape(text) : render(part));
            }
            return s.append('"').toString();
        }
        if (v instanceof Value.Conditional c) {
            return "(" + c.condition() + " ? " + render(c.whenTrue()) + " : " + render(c.whenFalse()) + ")";
        }
        return dev.trailwatch.terraform.functions.Failures.failed(v) ? "error" : "unknown";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
