package dev.trailwatch.fix;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputException;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.ModuleCallers;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a TW001 finding on a trail in a called local module is fixed in its caller: the trail takes
 * its log group or role from {@code var.X}, exactly one {@code module} block (in a .tf file) calls
 * the module's folder, and that block gives X as {@code ""} or {@code null} or not at all. A
 * variable default or a .tfvars value cannot reference a resource, so those stay explained.
 */
final class ModuleArguments {
    private static final Pattern VARIABLE = Pattern.compile("var\\.([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern LOCAL_SOURCE = Pattern.compile("\"(\\.{1,2}/[^\"$%]*)\"");
    private static final Pattern LITERAL_GROUP_ARN = Pattern.compile("\"arn:[^\"$%]*:log-group:[^\":*$%]+(:\\*)?\"");

    /**
     * The trail {@code trail} (type.name, declared in {@code trailFile}) is fixed by setting
     * {@code groupArgument} and/or {@code roleArgument} (null: left alone) of module block
     * {@code module} in {@code callerFile}; {@code literalGroupArn} is the trail's own log group ARN
     * when only the role is set there.
     */
    record Target(String callerFile, String module, String trailFile, String trail, String groupArgument,
            String roleArgument, String literalGroupArn) {}

    /** A module block calling a local folder: in a .tf file (with its block's name) or in a .tf.json file. */
    private record Call(Path file, String module) {}

    private final DisplayPaths paths;
    /** Which folders call which, found as the scan finds them. */
    private final ModuleCallers callers;

    ModuleArguments(DisplayPaths paths) {
        this.paths = paths;
        this.callers = new ModuleCallers(paths.workingDirectory(), path -> false);
    }

    /** Where this finding is fixed in a caller, or null when it is not (the finding's own file then explains it). */
    Target target(Finding finding) {
        if (!finding.ruleId().equals("TW001") || !finding.location().file().endsWith(".tf")
                || !finding.resource().address().startsWith("module.")) {
            return null;
        }
        Path trailPath = paths.workingDirectory().resolve(finding.location().file()).toAbsolutePath().normalize();
        SourceText trailText;
        Body trailBody;
        try {
            trailText = new SourceText(Files.readString(trailPath, StandardCharsets.UTF_8));
            trailBody = HclSyntax.parse(trailText.text());
        } catch (IOException | InputException | UncheckedIOException e) {
            return null;
        }
        Body.Block trail = resource(trailBody, finding.resource().type(), finding.resource().name());
        if (trail == null) {
            return null;
        }
        String group = valueText(trailText, trail, TerraformFixes.GROUP);
        String role = valueText(trailText, trail, TerraformFixes.ROLE);
        String groupVariable = variable(group);
        String roleVariable = variable(role);
        boolean groupNamed = finding.message().contains(TerraformFixes.GROUP);
        boolean roleNamed = finding.message().contains(TerraformFixes.ROLE);
        // Every value the finding names comes from a variable; the others are set in the trail.
        if (groupNamed && groupVariable == null || roleNamed && roleVariable == null || !groupNamed && empty(group)
                || !roleNamed && empty(role) || !groupNamed && !roleNamed) {
            return null;
        }
        // The new role's policy names the log group: in the caller, or the trail's own literal ARN.
        String literalGroupArn = null;
        if (!groupNamed) {
            if (!LITERAL_GROUP_ARN.matcher(group).matches()) {
                return null;
            }
            literalGroupArn = group.endsWith(":*\"") ? group : group.replaceFirst("\"$", ":*\"");
        }
        List<Call> calls = callsOf(trailPath.getParent());
        if (calls.size() != 1 || calls.get(0).module() == null) {
            return null;
        }
        Call call = calls.get(0);
        Body.Block block;
        SourceText callerText;
        try {
            callerText = new SourceText(Files.readString(call.file(), StandardCharsets.UTF_8));
            block = moduleBlock(HclSyntax.parse(callerText.text()), call.module());
        } catch (IOException | InputException | UncheckedIOException e) {
            return null;
        }
        String groupArgument = groupNamed ? groupVariable : null;
        String roleArgument = roleNamed ? roleVariable : null;
        for (String argument : new String[] {groupArgument, roleArgument}) {
            if (argument != null && block != null && !empty(valueText(callerText, block, argument))) {
                return null; // set in the caller from something else (its own variable, a module output)
            }
        }
        return new Target(paths.show(call.file()), call.module(), finding.location().file(),
                finding.resource().type() + "." + finding.resource().name(), groupArgument, roleArgument,
                literalGroupArn);
    }

    static Body.Block moduleBlock(Body body, String name) {
        for (Body.Block b : body.blocks()) {
            if (b.type().equals("module") && b.labels().size() == 1 && b.labels().get(0).value().equals(name)) {
                return b;
            }
        }
        return null;
    }

    static Body.Block resource(Body body, String type, String name) {
        for (Body.Block b : body.blocks()) {
            if (b.type().equals("resource") && b.labels().size() == 2 && b.labels().get(0).value().equals(type)
                    && b.labels().get(1).value().equals(name)) {
                return b;
            }
        }
        return null;
    }

    private static String valueText(SourceText text, Body.Block block, String name) {
        Body.Attribute attribute = block.body().attribute(name);
        return attribute == null ? null : text.text(attribute.value().range()).strip();
    }

    private static boolean empty(String value) {
        return value == null || value.equals("\"\"") || value.equals("null");
    }

    private static String variable(String value) {
        Matcher m = value == null ? null : VARIABLE.matcher(value);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The calls of a folder as a local module, in the files of the folders that call it. */
    private List<Call> callsOf(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        Map<Path, List<Call>> callsByFolder = new HashMap<>();
        for (Path caller : callers.callers(target)) {
            try (java.util.stream.Stream<Path> files = Files.list(caller)) {
                files.sorted().forEach(file -> collectCalls(file, callsByFolder));
            } catch (IOException | UncheckedIOException e) {
                // a caller that cannot be listed: the scan reports it
            }
        }
        return callsByFolder.getOrDefault(target, List.of());
    }

    private static void collectCalls(Path file, Map<Path, List<Call>> callsByFolder) {
        String name = file.getFileName().toString();
        boolean json = name.endsWith(".tf.json");
        if (!json && !name.endsWith(".tf")) {
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (!text.contains("./")) {
            return;
        }
        List<Call> found = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (json) {
            for (String source : ModuleCallers.localSources(file, text)) {
                sources.add(source);
                found.add(new Call(file, null)); // fixed by hand: the fix writes native syntax only
            }
        } else {
            SourceText source = new SourceText(text);
            try {
                for (Body.Block b : HclSyntax.parse(text).blocks()) {
                    Matcher m = b.type().equals("module") && b.labels().size() == 1
                            ? LOCAL_SOURCE.matcher(String.valueOf(valueText(source, b, "source"))) : null;
                    if (m != null && m.matches()) {
                        sources.add(m.group(1));
                        found.add(new Call(file, b.labels().get(0).value()));
                    }
                }
            } catch (InputException e) {
                return; // a caller that does not parse: reported by the scan
            }
        }
        for (int i = 0; i < found.size(); i++) {
            try {
                Path called = file.toAbsolutePath().getParent().resolve(sources.get(i)).normalize();
                callsByFolder.computeIfAbsent(called, k -> new ArrayList<>()).add(found.get(i));
            } catch (InvalidPathException e) {
                // No folder has that name (a NUL character, say): the call is reported by the scan.
            }
        }
    }
}
