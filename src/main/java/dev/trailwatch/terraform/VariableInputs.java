package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Body;
import dev.trailwatch.terraform.hcl.Expression;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A root module's variable values in Terraform's precedence, lowest first: defaults (in the
 * module), terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and *.auto.tfvars.json in
 * lexical order, then --var-file and --var options in command-line order. TF_VAR_* environment
 * variables are not read: a linter's result must not depend on the shell it runs in.
 */
public final class VariableInputs {
    /** One --var or --var-file option, in command-line order. */
    public record Option(boolean isFile, String text) {}

    private final List<Option> options;
    private final DisplayPaths paths;
    private final long maxFileSize;

    public VariableInputs(List<Option> options, DisplayPaths paths, long maxFileSize) {
        this.options = List.copyOf(options);
        this.paths = paths;
        this.maxFileSize = maxFileSize;
    }

    public static VariableInputs none(DisplayPaths paths) {
        return new VariableInputs(List.of(), paths, Long.MAX_VALUE);
    }

    /** {@code unsaved}: a variables file's unsaved text (an editor's buffer), or null to read the disk. */
    Map<String, VariableValue> forRoot(Module root, List<InputError> errors,
            java.util.function.Function<Path, SourceFile> unsaved) {
        Map<String, VariableValue> values = new LinkedHashMap<>();
        for (Path file : autoLoaded(root.dir())) {
            readFile(file, root, values, errors, unsaved);
        }
        for (Option option : options) {
            if (option.isFile()) {
                readFile(paths.workingDirectory().resolve(option.text()), root, values, errors, unsaved);
            } else {
                int eq = option.text().indexOf('=');
                String name = option.text().substring(0, eq);
                String text = option.text().substring(eq + 1);
                values.put(name, new VariableValue(fromCommandLine(name, text, root), null, "--var " + option.text()));
            }
        }
        return values;
    }

    /** The files Terraform loads by itself, in its order. */
    static List<Path> autoLoaded(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                files.add(dir.resolve(name));
            }
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json");
            }).sorted().forEach(files::add);
        } catch (IOException e) {
            // an unreadable folder has no auto-loaded files; its .tf files report the problem
        }
        return files;
    }

    private void readFile(Path path, Module root, Map<String, VariableValue> values, List<InputError> errors,
            java.util.function.Function<Path, SourceFile> unsaved) {
        String shown = paths.show(path);
        try {
            SourceFile buffer = unsaved.apply(path);
            SourceFile file = buffer != null ? buffer : SourceFile.decode(path, shown, SourceFile.readBytes(path, maxFileSize));
            Body body = ModuleReader.parse(file);
            Evaluator literals = ModuleInstance.literalEvaluator(root, errors);
            for (Body.Attribute attribute : body.attributes()) {
                values.put(attribute.name(), new VariableValue(literals.eval(attribute.value(), Scope.EMPTY, file),
                        file.locate(attribute.range()), shown));
            }
        } catch (InputException e) {
            errors.add(new InputError(shown, e.position(), e.getMessage()));
        }
    }

    /**
     * A --var value as Terraform reads it: text for string (or untyped) variables, a number or
     * bool for those types, and an HCL expression for collection types.
     */
    private static Value fromCommandLine(String name, String text, Module root) {
        dev.trailwatch.source.Range nowhere = dev.trailwatch.source.Range.of(1, 1, 1, 1);
        Module.Declared declared = root.variables.get(name);
        Body.Attribute type = declared == null ? null : declared.block().body().attribute("type");
        String typeName = type != null && type.value() instanceof Expression.Variable v ? v.name() : null;
        if (type == null || "string".equals(typeName) || "any".equals(typeName)) {
            return new Value.Text(text, nowhere);
        }
        if ("bool".equals(typeName)) {
            return text.equals("true") || text.equals("false") ? new Value.Bool(Boolean.parseBoolean(text), nowhere)
                    : new Value.Text(text, nowhere);
        }
        if ("number".equals(typeName)) {
            return new Value.Number(text, nowhere);
        }
        try {
            Body parsed = HclSyntax.parse("v = " + text + "\n");
            SourceFile synthetic = new SourceFile(Path.of("--var"), "--var", "v = " + text + "\n");
            return ModuleInstance.literalEvaluator(root, new ArrayList<>()).eval(parsed.attribute("v").value(),
                    Scope.EMPTY, synthetic);
        } catch (InputException e) {
            return new Value.Unknown("--var " + name + " is not a valid value of its type", nowhere);
        }
    }
}
