package dev.trailwatch.fix;

import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TW003 in a Terraform file: the trail's role (an aws_iam_role of this file) gets the CloudTrail
 * trust statement, or its aws_iam_role_policy of this file the two log actions on the trail's log
 * streams, when that policy is a literal {@code jsonencode({...})} with a Statement list. The new
 * statement is written after the last one, laid out as that one is.
 */
final class TerraformRoleFix {
    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    private static final Pattern ROLE_ARN = Pattern.compile("aws_iam_role\\.([A-Za-z0-9_-]+)\\.arn");
    private static final Pattern ROLE_NAME = Pattern.compile("aws_iam_role\\.([A-Za-z0-9_-]+)\\.(name|id)");
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\"?\\$?\\{?aws_cloudwatch_log_group\\."
            + "([A-Za-z0-9_-]+)\\.arn}?(:\\*)?\"?");
    private static final Pattern LITERAL_GROUP_ARN = Pattern.compile("\"(arn:[^\"$%]*:log-group:[^\":*$%]+)(:\\*)?\"");

    private final SourceText source;
    private final Body body;

    TerraformRoleFix(SourceText source, Body body) {
        this.source = source;
        this.body = body;
    }

    /**
     * Adds to {@code edits} and {@code done} what makes the trail's role usable; returns why it
     * cannot be fixed automatically, else null. {@code trustProblem}: the finding says the trust
     * policy is what is wrong (else the permissions are).
     */
    String fix(Body.Attribute roleAttribute, String groupValue, boolean trustProblem, List<TextEdit> edits,
            List<String> done) {
        String roleValue = roleAttribute == null ? "" : source.text(roleAttribute.value().range()).strip();
        Matcher named = ROLE_NAME.matcher(roleValue);
        if (named.matches() && ModuleArguments.resource(body, "aws_iam_role", named.group(1)) != null) {
            // The role's name (or id, which is its name) where its ARN belongs.
            edits.add(source.replace(source.offset(roleAttribute.value().range().start()),
                    source.offset(roleAttribute.value().range().end()), "aws_iam_role." + named.group(1) + ".arn"));
            done.add("made " + TerraformFixes.ROLE + " the ARN of aws_iam_role." + named.group(1));
            return null;
        }
        Matcher arn = ROLE_ARN.matcher(roleValue);
        if (!arn.matches()) {
            return TerraformFixes.ROLE + " is not the ARN of an aws_iam_role: fix the role by hand";
        }
        String role = arn.group(1);
        Body.Block roleBlock = ModuleArguments.resource(body, "aws_iam_role", role);
        if (roleBlock == null) {
            return "aws_iam_role." + role + " is not declared in this file: fix its policies by hand";
        }
        if (trustProblem) {
            Expression.ObjectCons trust = literalDocument(roleBlock.body().attribute("assume_role_policy"));
            if (trust == null) {
                return "the trust policy of aws_iam_role." + role + " is not a literal jsonencode({...}) document:"
                        + " add the CloudTrail trust statement by hand";
            }
            if (source.text(trust.range()).contains(CLOUDTRAIL)) {
                return "the trust policy of aws_iam_role." + role + " names " + CLOUDTRAIL + " but does not let it"
                        + " sts:AssumeRole: correct that statement by hand";
            }
            Map<String, String> statement = new LinkedHashMap<>();
            statement.put("Effect", "\"Allow\"");
            statement.put("Principal", "{ Service = \"" + CLOUDTRAIL + "\" }");
            statement.put("Action", "\"sts:AssumeRole\"");
            String reason = addStatement(trust, statement, edits, "the trust policy of aws_iam_role." + role);
            if (reason != null) {
                return reason;
            }
            done.add("let " + CLOUDTRAIL + " assume aws_iam_role." + role);
            // The rule reports the trust first: permissions missing too would be its next finding, so they go in now.
            Body.Block policy = rolePolicy(role);
            Expression.ObjectCons document = policy == null ? null : literalDocument(policy.body().attribute("policy"));
            String text = document == null ? "" : source.text(document.range());
            if (document == null || (text.contains("logs:CreateLogStream") && text.contains("logs:PutLogEvents"))) {
                return null;
            }
        }
        String streams = streams(groupValue);
        if (streams == null) {
            return "the trail's log group is neither an aws_cloudwatch_log_group reference nor a literal ARN: add the"
                    + " role's permissions by hand";
        }
        Body.Block policy = rolePolicy(role);
        Expression.ObjectCons document = policy == null ? null : literalDocument(policy.body().attribute("policy"));
        if (document == null) {
            return "aws_iam_role." + role + " has no aws_iam_role_policy in this file whose policy is a literal"
                    + " jsonencode({...}) document: add logs:CreateLogStream and logs:PutLogEvents by hand";
        }
        Map<String, String> statement = new LinkedHashMap<>();
        statement.put("Effect", "\"Allow\"");
        statement.put("Action", "[\"logs:CreateLogStream\", \"logs:PutLogEvents\"]");
        statement.put("Resource", streams);
        String name = "aws_iam_role_policy." + policy.labels().get(1).value();
        String reason = addStatement(document, statement, edits, "the policy of " + name);
        if (reason == null) {
            done.add("allowed logs:CreateLogStream and logs:PutLogEvents on the trail's log streams in " + name);
        }
        return reason;
    }

    /** The Resource of the trail's log streams, written in HCL, or null when the log group is not known. */
    private static String streams(String groupValue) {
        if (groupValue == null) {
            return null;
        }
        Matcher reference = GROUP_REFERENCE.matcher(groupValue);
        if (reference.matches()) {
            return "\"${aws_cloudwatch_log_group." + reference.group(1) + ".arn}:log-stream:*\"";
        }
        Matcher literal = LITERAL_GROUP_ARN.matcher(groupValue);
        return literal.matches() ? "\"" + literal.group(1) + ":log-stream:*\"" : null;
    }

    /** The first aws_iam_role_policy of this file whose role is {@code aws_iam_role.ROLE.id} (or .name). */
    private Body.Block rolePolicy(String role) {
        for (Body.Block b : body.blocks()) {
            if (b.type().equals("resource") && b.labels().size() == 2
                    && b.labels().get(0).value().equals("aws_iam_role_policy")) {
                Body.Attribute attribute = b.body().attribute("role");
                if (attribute != null && source.text(attribute.value().range()).strip()
                        .matches("aws_iam_role\\." + Pattern.quote(role) + "\\.(id|name)")) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The object of {@code jsonencode({...})} written as the attribute's whole value, else null. */
    private static Expression.ObjectCons literalDocument(Body.Attribute attribute) {
        if (attribute != null && attribute.value() instanceof Expression.FunctionCall call
                && call.name().equals("jsonencode") && call.arguments().size() == 1 && !call.expandLast()
                && call.arguments().get(0) instanceof Expression.ObjectCons document) {
            return document;
        }
        return null;
    }

    private static String keyName(Expression key) {
        if (key instanceof Expression.Variable v) {
            return v.name();
        }
        return key instanceof Expression.Template t && !t.heredoc() ? t.literalText() : null;
    }

    /** A statement after the last one of the document's Statement list (of objects), laid out as that one. */
    private String addStatement(Expression.ObjectCons document, Map<String, String> statement, List<TextEdit> edits,
            String what) {
        Expression.Tuple list = null;
        for (Expression.ObjectItem item : document.items()) {
            if ("Statement".equals(keyName(item.key())) && item.value() instanceof Expression.Tuple tuple) {
                list = tuple;
            }
        }
        if (list == null || list.items().isEmpty()
                || !list.items().stream().allMatch(Expression.ObjectCons.class::isInstance)) {
            return what + " has no literal Statement list of objects to add to: change it by hand";
        }
        Expression.ObjectCons last = (Expression.ObjectCons) list.items().get(list.items().size() - 1);
        int start = source.offset(last.range().start());
        int end = source.offset(last.range().end());
        boolean quotedKeys = !last.items().isEmpty()
                && source.text().charAt(source.offset(last.items().get(0).key().range().start())) == '"';
        boolean oneLine = last.range().start().line() == last.range().end().line();
        String closeIndent = source.indentOfLine(end - 1);
        String keyIndent = last.items().isEmpty() || last.items().get(0).key().range().start().line()
                == last.range().start().line() ? closeIndent + "  "
                : source.indentOfLine(source.offset(last.items().get(0).key().range().start()));
        String object = oneLine ? inline(statement, quotedKeys) : block(statement, quotedKeys, keyIndent, closeIndent);
        String nl = source.newline();
        if (source.startsLine(start)) { // one statement a line: the new one on its own line after the last
            int after = end;
            while (after < source.text().length() && (source.text().charAt(after) == ' '
                    || source.text().charAt(after) == '\t')) {
                after++;
            }
            boolean comma = after < source.text().length() && source.text().charAt(after) == ',';
            String indent = source.indentOfLine(start);
            edits.add(comma ? source.insertAt(after + 1, nl + indent + object + ",")
                    : source.insertAt(end, "," + nl + indent + object));
        } else if (oneLine || !source.startsLine(end - 1)) { // [{ ... }] or [{...}, {...}]: after the last, on its line
            edits.add(source.insertAt(end, ", " + object));
        } else {
            // [{ ... }] over lines: terraform fmt indents "}, {" as the statements' keys, so the last one's "}" moves there.
            edits.add(source.replace(source.lineStart(end - 1), end - 1, keyIndent));
            edits.add(source.insertAt(end, ", " + object));
        }
        return null;
    }

    private static String key(String key, boolean quoted) {
        return quoted ? "\"" + key + "\"" : key;
    }

    private static String inline(Map<String, String> statement, boolean quotedKeys) {
        StringBuilder out = new StringBuilder("{ ");
        statement.forEach((k, v) -> out.append(out.length() > 2 ? ", " : "").append(key(k, quotedKeys)).append(" = ")
                .append(v));
        return out.append(" }").toString();
    }

    /** An object on lines of its own, its = aligned as terraform fmt aligns them. */
    private String block(Map<String, String> statement, boolean quotedKeys, String keyIndent, String closeIndent) {
        String nl = source.newline();
        int width = statement.keySet().stream().mapToInt(k -> key(k, quotedKeys).length()).max().orElse(0);
        StringBuilder out = new StringBuilder("{").append(nl);
        statement.forEach((k, v) -> out.append(keyIndent).append(key(k, quotedKeys))
                .append(" ".repeat(width - key(k, quotedKeys).length())).append(" = ").append(v).append(nl));
        return out.append(closeIndent).append("}").toString();
    }
}
