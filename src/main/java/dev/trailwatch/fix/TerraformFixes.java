package dev.trailwatch.fix;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.InputException;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixes in a Terraform file (native syntax): the trail block's two arguments and, when the file
 * has none that fits, the log group, role and role policy appended after the trail, written as
 * {@code terraform fmt} writes them in the file's own indentation.
 */
final class TerraformFixes {
    static final String GROUP = "cloud_watch_logs_group_arn";
    static final String ROLE = "cloud_watch_logs_role_arn";
    private static final Pattern GROUP_ATTRIBUTE = Pattern.compile("aws_cloudwatch_log_group\\.([A-Za-z0-9_-]+)\\."
            + "(arn|name)");
    private static final Pattern GROUP_TEMPLATE = Pattern.compile("\"\\$\\{aws_cloudwatch_log_group\\.[A-Za-z0-9_-]+"
            + "\\.arn}\"");
    private static final Pattern LITERAL_GROUP_ARN = Pattern.compile("\"arn:[^\"$%]*:log-group:[^\":*$%]+\"");
    private static final Pattern LITERAL_GROUP_ARN_ANY = Pattern.compile("\"arn:[^\"$%]*:log-group:[^\":*$%]+(:\\*)?\"");
    private static final Pattern DECLARED = Pattern.compile("resource\\s+\"([A-Za-z0-9_-]+)\"\\s+\"([A-Za-z0-9_-]+)\"");
    private static final Pattern INPUT = Pattern.compile("\\b(var|module)\\.[A-Za-z0-9_-]+");
    private static final Pattern PLAIN_INPUT = Pattern.compile("(var|module)(\\.[A-Za-z0-9_-]+|\\[[^\\]]*])+");

    private final String file;
    private final SourceText source;
    private final Body body;
    /** type.name of every resource in the module's folder, so that new names never clash. */
    private final Set<String> declared = new LinkedHashSet<>();

    private TerraformFixes(String file, Path path, String text) throws InputException {
        this.file = file;
        this.source = new SourceText(text);
        this.body = HclSyntax.parse(text);
        collectDeclared(text);
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            try (Stream<Path> siblings = Files.list(folder)) {
                for (Path sibling : siblings.filter(p -> p.toString().endsWith(".tf")).toList()) {
                    if (!sibling.toAbsolutePath().equals(path.toAbsolutePath())) {
                        collectDeclared(Files.readString(sibling, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // A sibling that cannot be read is reported by the scan; names are checked against the rest.
            }
        }
    }

    private void collectDeclared(String text) {
        Matcher m = DECLARED.matcher(text);
        while (m.find()) {
            declared.add(m.group(1) + "." + m.group(2));
        }
    }

    static FilePlan plan(String file, Path path, String text, List<Finding> findings) throws InputException {
        return plan(file, path, text, findings, Map.of());
    }

    /**
     * The plan for this file's findings and for those of trails in modules it calls that are fixed
     * by setting an argument of its module block ({@code callees}: each target with its findings).
     */
    static FilePlan plan(String file, Path path, String text, List<Finding> findings,
            Map<ModuleArguments.Target, List<Finding>> callees) throws InputException {
        TerraformFixes fixes = new TerraformFixes(file, path, text);
        FilePlan own = fixes.plan(findings);
        if (callees.isEmpty()) {
            return own;
        }
        FilePlan called = TrailFix.plan(file, callees, List.of(), fixes::fixModuleArguments);
        List<Fix> all = new ArrayList<>(own.fixes());
        all.addAll(called.fixes());
        List<Fix> fallback = new ArrayList<>();
        if (!own.fallback().isEmpty() || !called.fallback().isEmpty()) {
            fallback.addAll(own.fallback().isEmpty() ? own.fixes() : own.fallback());
            fallback.addAll(called.fallback().isEmpty() ? called.fixes() : called.fallback());
        }
        List<FilePlan.NotFixed> notFixed = new ArrayList<>(own.notFixed());
        notFixed.addAll(called.notFixed());
        return new FilePlan(file, all, fallback, notFixed);
    }

    private FilePlan plan(List<Finding> findings) {
        Map<Body.Block, List<Finding>> byBlock = new LinkedHashMap<>();
        List<FilePlan.NotFixed> notFixed = new ArrayList<>();
        for (Finding f : findings) {
            Body.Block block = block(f.resource().type(), f.resource().name());
            if (block == null) {
                notFixed.add(new FilePlan.NotFixed(f, f.resource().address() + " is not declared in this file"));
            } else {
                byBlock.computeIfAbsent(block, k -> new ArrayList<>()).add(f);
            }
        }
        return TrailFix.plan(file, byBlock, notFixed, this::fixTrail);
    }

    private Body.Block block(String type, String name) {
        return ModuleArguments.resource(body, type, name);
    }

    private String text(Body.Attribute attribute) {
        return attribute == null ? null : source.text(attribute.value().range()).strip();
    }

    private TrailFix fixTrail(Body.Block trail, List<Finding> findings) {
        String address = trail.labels().get(0).value() + "." + trail.labels().get(1).value();
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.ruleId()));
        List<TextEdit> edits = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        List<String> done = new ArrayList<>();
        Body.Attribute group = trail.body().attribute(GROUP);
        Body.Attribute role = trail.body().attribute(ROLE);
        String groupName = null;
        if (rules.contains("TW002") && group != null) {
            String value = text(group);
            Matcher attribute = GROUP_ATTRIBUTE.matcher(value);
            int start = source.offset(group.value().range().start());
            int end = source.offset(group.value().range().end());
            if (attribute.matches()) {
                groupName = attribute.group(1);
                edits.add(source.replace(start, end, groupArn(groupName)));
            } else if (GROUP_TEMPLATE.matcher(value).matches() || LITERAL_GROUP_ARN.matcher(value).matches()) {
                edits.add(source.insertAt(source.text().lastIndexOf('"', end - 1), ":*"));
                Matcher named = GROUP_ATTRIBUTE.matcher(value);
                groupName = named.find() ? named.group(1) : null;
            } else {
                return TrailFix.none(GROUP + " is not a reference or ARN that can be corrected"
                        + " automatically");
            }
            fixed.add("TW002");
            done.add("made " + GROUP + " the log group's ARN with :*");
        }
        if (rules.contains("TW003") && !rules.contains("TW001")) {
            boolean trustProblem = findings.stream().anyMatch(f -> f.ruleId().equals("TW003")
                    && f.message().contains("trust policy does not let"));
            String reason = new TerraformRoleFix(source, body).fix(role, text(group), trustProblem, edits, done);
            if (reason != null) {
                return TrailFix.none(reason);
            }
            fixed.add("TW003");
        }
        if (!rules.contains("TW001")) {
            return fixed.isEmpty() ? TrailFix.none("no automatic fix for " + String.join(", ", rules))
                    : new TrailFix(new Fix(file, address, fixed, String.join("; ", done), edits), null, null);
        }
        boolean groupMissing = isEmpty(group);
        boolean roleMissing = isEmpty(role);
        // A value that is a variable or a module output, empty where it is set: explained, not changed. A
        // value computed from one (a condition) falls through: refused below, or by the check, for its own reason.
        for (Body.Attribute a : Stream.of(group, role).filter(a -> a != null && !isEmpty(a)).toList()) {
            Matcher input = INPUT.matcher(text(a));
            boolean named = findings.stream().anyMatch(f -> f.message().contains(a.name()));
            if (named && PLAIN_INPUT.matcher(text(a)).matches() && input.find()) {
                String where = findings.stream().flatMap(f -> f.related().stream()).findFirst()
                        .map(r -> " (" + r.location().file() + ":" + r.location().line() + ")").orElse("");
                return TrailFix.none(a.name() + " is set from " + input.group() + where
                        + ": give it a value there rather than changing the resource");
            }
        }
        if (!groupMissing && groupName == null && group != null) {
            Matcher named = GROUP_ATTRIBUTE.matcher(text(group));
            groupName = named.find() ? named.group(1) : null;
        }
        // A literal ARN: the new role's policy names it (with :*, which covers its streams).
        String literalArn = group != null && groupName == null && LITERAL_GROUP_ARN_ANY.matcher(text(group)).matches()
                ? (text(group).endsWith(":*\"") ? text(group) : text(group).replaceFirst("\"$", ":*\"")) : null;
        if (!multiline(trail)) {
            return TrailFix.none(address + " is written on one line: add " + GROUP + " and " + ROLE
                    + " by hand");
        }
        if (!groupMissing && !roleMissing) {
            // Both are set, to something the fix does not rewrite (a condition, each.value, a function).
            return TrailFix.none(detail(findings.get(0)) + ": a computed value is not rewritten automatically;"
                    + " set it by hand");
        }
        String reuseGroup = groupMissing ? firstDeclared("aws_cloudwatch_log_group", null) : null;
        String reuseRole = roleMissing ? firstDeclared("aws_iam_role", "cloudtrail.amazonaws.com") : null;
        fixed.add("TW001");
        String base = trail.labels().get(1).value();
        Set<String> reuseNames = new LinkedHashSet<>(declared);
        String groupKey = groupMissing ? GROUP : null;
        String roleKey = roleMissing ? ROLE : null;
        Fix fresh = integration(trail, address, base, edits, done, fixed, groupKey, group, roleKey, role, groupName,
                literalArn, null, null, declared, "");
        if (fresh == null) {
            return TrailFix.none("the log group " + GROUP + " names is not declared in this file, so a role"
                    + " policy cannot name it: add " + ROLE + " by hand");
        }
        if (reuseGroup == null && reuseRole == null) {
            return new TrailFix(fresh, null, null);
        }
        Fix reusing = integration(trail, address, base, edits, done, fixed, groupKey, group, roleKey, role, groupName,
                literalArn, reuseGroup, reuseRole, reuseNames, "");
        return reusing == null ? new TrailFix(fresh, null, null) : new TrailFix(reusing, fresh, null);
    }

    /**
     * A trail in a called module fixed in this file, its caller: the module block's arguments that
     * reach the trail's empty log group and role are set, with the resources they name appended
     * after the block (or reused from this file).
     */
    private TrailFix fixModuleArguments(ModuleArguments.Target target, List<Finding> findings) {
        Body.Block call = ModuleArguments.moduleBlock(body, target.module());
        String arguments = Stream.of(target.groupArgument(), target.roleArgument()).filter(a -> a != null)
                .reduce((a, b) -> a + " and " + b).orElse("");
        if (call == null) {
            return TrailFix.none("module." + target.module() + " is not declared in " + file);
        }
        if (!multiline(call)) {
            return TrailFix.none("module." + target.module() + " (" + file + ") is written on one line: set "
                    + arguments + " there by hand");
        }
        if (call.body().attribute("count") != null || call.body().attribute("for_each") != null) {
            return TrailFix.none("module." + target.module() + " (" + file + ") has several instances: set " + arguments
                    + " there by hand");
        }
        String address = Fixer.withoutIndexes(findings.get(0).resource().address());
        String base = target.module() + "_" + target.trail().substring(target.trail().indexOf('.') + 1);
        Body.Attribute group = target.groupArgument() == null ? null : call.body().attribute(target.groupArgument());
        Body.Attribute role = target.roleArgument() == null ? null : call.body().attribute(target.roleArgument());
        String reuseGroup = target.groupArgument() != null ? firstDeclared("aws_cloudwatch_log_group", null) : null;
        String reuseRole = target.roleArgument() != null ? firstDeclared("aws_iam_role", "cloudtrail.amazonaws.com")
                : null;
        Set<String> reuseNames = new LinkedHashSet<>(declared);
        String where = " of module." + target.module();
        Fix fresh = integration(call, address, base, List.of(), List.of(), List.of("TW001"), target.groupArgument(), group,
                target.roleArgument(), role, null, target.literalGroupArn(), null, null, declared, where);
        if (fresh == null) {
            return TrailFix.none("no log group is known for the role's policy: set " + arguments + " by hand");
        }
        if (reuseGroup == null && reuseRole == null) {
            return new TrailFix(fresh, null, null);
        }
        Fix reusing = integration(call, address, base, List.of(), List.of(), List.of("TW001"), target.groupArgument(),
                group, target.roleArgument(), role, null, target.literalGroupArn(), reuseGroup, reuseRole, reuseNames,
                where);
        return reusing == null ? new TrailFix(fresh, null, null) : new TrailFix(reusing, fresh, null);
    }

    /** Whether a block's closing brace starts a line of its own, below the block's first line. */
    private boolean multiline(Body.Block block) {
        int close = source.offset(block.range().end()) - 1;
        return close >= 0 && source.text().charAt(close) == '}' && source.startsLine(close)
                && source.position(close).line() != source.position(source.offset(block.range().start())).line();
    }

    /** What a finding says is wrong (its message after the resource's name). */
    private static String detail(Finding finding) {
        int colon = finding.message().indexOf(": ");
        return colon < 0 ? finding.message() : finding.message().substring(colon + 2);
    }

    private boolean isEmpty(Body.Attribute attribute) {
        if (attribute == null) {
            return true;
        }
        String value = text(attribute);
        return value.equals("\"\"") || value.equals("null");
    }

    /**
     * Sets {@code groupKey} (the log group's ARN with :*) and {@code roleKey} (the role's ARN) in
     * {@code target} (a trail, or a module block whose arguments reach one; a null key is not set),
     * replacing the values of {@code group} and {@code role} when present, and appends the
     * resources it needs after the block.
     */
    private Fix integration(Body.Block target, String address, String base, List<TextEdit> earlier,
            List<String> earlierDone, List<String> rules, String groupKey, Body.Attribute group, String roleKey,
            Body.Attribute role, String groupName, String literalArn, String reuseGroup, String reuseRole,
            Set<String> names, String where) {
        List<TextEdit> edits = new ArrayList<>(earlier);
        List<String> done = new ArrayList<>(earlierDone);
        String unit = indentUnit(target);
        String nl = source.newline();
        StringBuilder appended = new StringBuilder();
        Map<String, String> set = new LinkedHashMap<>();
        String logGroup = groupName;
        List<String> created = new ArrayList<>();
        if (groupKey != null) {
            logGroup = reuseGroup != null ? reuseGroup : unique("aws_cloudwatch_log_group", base, names);
            if (reuseGroup == null) {
                created.add("aws_cloudwatch_log_group." + logGroup);
                appended.append(nl).append(lines(unit, nl,
                        "resource \"aws_cloudwatch_log_group\" \"" + logGroup + "\" {",
                        "\tname              = \"aws-cloudtrail-logs-" + base + "\"",
                        "\tretention_in_days = 365",
                        "}"));
            }
            set.put(groupKey, groupArn(logGroup));
        }
        if (roleKey != null) {
            if (logGroup == null && literalArn == null) {
                return null;
            }
            String roleName = reuseRole != null ? reuseRole : unique("aws_iam_role", base, names);
            if (reuseRole == null) {
                String policyName = unique("aws_iam_role_policy", base, names);
                created.add("aws_iam_role." + roleName);
                created.add("aws_iam_role_policy." + policyName);
                appended.append(nl).append(lines(unit, nl,
                        "resource \"aws_iam_role\" \"" + roleName + "\" {",
                        "\tassume_role_policy = jsonencode({",
                        "\t\tVersion = \"2012-10-17\"",
                        "\t\tStatement = [{",
                        "\t\t\tEffect    = \"Allow\"",
                        "\t\t\tPrincipal = { Service = \"cloudtrail.amazonaws.com\" }",
                        "\t\t\tAction    = \"sts:AssumeRole\"",
                        "\t\t}]",
                        "\t})",
                        "}"));
                appended.append(nl).append(lines(unit, nl,
                        "resource \"aws_iam_role_policy\" \"" + policyName + "\" {",
                        "\tname = \"cloudtrail-to-cloudwatch-logs\"",
                        "\trole = aws_iam_role." + roleName + ".id",
                        "\tpolicy = jsonencode({",
                        "\t\tVersion = \"2012-10-17\"",
                        "\t\tStatement = [{",
                        "\t\t\tEffect   = \"Allow\"",
                        "\t\t\tAction   = [\"logs:CreateLogStream\", \"logs:PutLogEvents\"]",
                        "\t\t\tResource = " + (logGroup != null ? "\"${aws_cloudwatch_log_group." + logGroup
                                + ".arn}:log-stream:*\"" : literalArn),
                        "\t\t}]",
                        "\t})",
                        "}"));
            }
            set.put(roleKey, "aws_iam_role." + roleName + ".arn");
        }
        Map<String, String> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : set.entrySet()) {
            Body.Attribute present = e.getKey().equals(groupKey) ? group : role;
            if (present != null) {
                edits.add(source.replace(source.offset(present.value().range().start()),
                        source.offset(present.value().range().end()), e.getValue()));
            } else {
                added.put(e.getKey(), e.getValue());
            }
        }
        int close = source.offset(target.range().end()) - 1;
        if (!added.isEmpty()) {
            int at = source.lineStart(close);
            int closeLine = source.position(close).line();
            String previous = source.line(closeLine - 1).strip();
            StringBuilder text = new StringBuilder(previous.isEmpty() || previous.endsWith("{") ? "" : nl);
            int width = added.keySet().stream().mapToInt(String::length).max().orElse(0);
            String indent = source.indentOfLine(close) + unit;
            added.forEach((k, v) -> text.append(indent).append(k).append(" ".repeat(width - k.length())).append(" = ")
                    .append(v).append(nl));
            edits.add(source.insertAt(at, text.toString()));
        }
        if (!appended.isEmpty()) {
            int after = source.nextLineStart(close);
            boolean noFinalNewline = after == source.text().length() && !source.text().endsWith("\n");
            // A file without a newline at its end keeps it that way.
            String text = noFinalNewline ? nl + appended.substring(0, appended.length() - nl.length()) : appended.toString();
            edits.add(source.insertAt(after, text));
        }
        done.add("set " + String.join(" and ", set.keySet()) + where
                + (created.isEmpty() ? "" : " (new " + String.join(", ", created) + ")")
                + (reuseGroup != null ? " (log group aws_cloudwatch_log_group." + reuseGroup + ")" : "")
                + (reuseRole != null ? " (role aws_iam_role." + reuseRole + ")" : ""));
        return new Fix(file, address, List.copyOf(rules), String.join("; ", done), edits);
    }

    /** Lines written with tabs for indentation levels, in the file's unit, each ending with a newline. */
    private static String lines(String unit, String nl, String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '\t') {
                depth++;
            }
            out.append(unit.repeat(depth)).append(line.substring(depth)).append(nl);
        }
        return out.toString();
    }

    private static String groupArn(String name) {
        return "\"${aws_cloudwatch_log_group." + name + ".arn}:*\"";
    }

    /** The indentation step of the trail's body (its first argument's indentation), else two spaces or a tab. */
    private String indentUnit(Body.Block trail) {
        String outer = source.indentOfLine(source.offset(trail.range().start()));
        for (Body.Item item : trail.body().items()) {
            int at = source.offset(item.range().start());
            String inner = source.indentOfLine(at);
            if (source.startsLine(at) && inner.startsWith(outer) && inner.length() > outer.length()) {
                return inner.substring(outer.length());
            }
        }
        return source.text().contains("\n\t") ? "\t" : "  ";
    }

    /** The first resource of that type in this file (whose text mentions {@code mentioning}, when given). */
    private String firstDeclared(String type, String mentioning) {
        for (Body.Block b : body.blocks()) {
            if (b.type().equals("resource") && b.labels().size() == 2 && b.labels().get(0).value().equals(type)
                    && (mentioning == null || source.text(b.range()).contains(mentioning))) {
                return b.labels().get(1).value();
            }
        }
        return null;
    }

    private static String unique(String type, String wanted, Set<String> names) {
        String name = wanted;
        for (int i = 2; names.contains(type + "." + name); i++) {
            name = wanted + "_" + i;
        }
        names.add(type + "." + name);
        return name;
    }
}
