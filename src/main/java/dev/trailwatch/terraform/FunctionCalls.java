package dev.trailwatch.terraform;

import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.functions.Failures;
import dev.trailwatch.terraform.functions.FunctionTable;
import dev.trailwatch.terraform.hcl.Expression;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of Terraform functions: those that read their arguments' expressions themselves
 * ({@code try}, {@code can}, {@code file}, {@code templatefile}) here, every other one on its
 * evaluated arguments through the {@link FunctionTable}.
 */
final class FunctionCalls {
    private FunctionCalls() {}

    static Value call(Evaluator evaluator, Expression.FunctionCall call, Scope scope, SourceFile file) {
        String name = call.name();
        Range range = call.range();
        if (name.equals("try")) {
            // Like Terraform: the first argument that does not fail, even when it is not known yet.
            for (Expression argument : call.arguments()) {
                Value v = evaluator.eval(argument, scope, file);
                if (!Failures.failed(v)) {
                    return v;
                }
            }
            return Failures.failure("every argument of try() fails", range);
        }
        if ((name.equals("file") || name.equals("templatefile")) && !call.arguments().isEmpty()
                && file.path() != null) {
            return readFile(evaluator, call, scope, file, name.equals("templatefile"));
        }
        if (name.equals("can") && call.arguments().size() == 1) {
            // false when Terraform would fail to evaluate the argument; unknown while it is not known.
            Value v = evaluator.eval(call.arguments().get(0), scope, file);
            if (Failures.failed(v)) {
                return new Value.Bool(false, range);
            }
            Value inner = Values.unwrap(v);
            return inner instanceof Value.Unknown || inner instanceof Value.Reference
                    || inner instanceof Value.Conditional || inner instanceof Value.Concatenation
                    ? new Value.Unknown("can() of a value not known statically", range) : new Value.Bool(true, range);
        }
        List<Value> args = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            Value arg = evaluator.eval(argument, scope, file);
            if (Failures.failed(arg)) {
                return arg; // a failing argument fails the call
            }
            args.add(arg);
        }
        if (call.expandLast() && !args.isEmpty()) {
            Value last = Values.unwrap(args.remove(args.size() - 1));
            if (!(last instanceof Value.ListValue list)) {
                return new Value.Unknown(name + "(...) over a list not known statically", range);
            }
            args.addAll(list.items());
        }
        return FunctionTable.call(name, args, range);
    }

    /** Larger files are not read by file() and templatefile(). */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    /**
     * file() and templatefile() of a path built on {@code path.module} (the folder of the file
     * that calls them), inside the repository (or the working directory): the file's text, or the
     * template rendered with the given variables. A missing file fails as in Terraform; a path
     * relative to where Terraform runs, or outside the repository, is not read (unknown).
     */
    private static Value readFile(Evaluator evaluator, Expression.FunctionCall call, Scope scope, SourceFile file,
            boolean template) {
        String name = call.name();
        Range range = call.range();
        Path moduleDir = file.path().toAbsolutePath().normalize().getParent();
        Map<String, Value.Entry> path = new LinkedHashMap<>();
        path.put("module", new Value.Entry("module", range, new Value.Text(moduleDir.toString(), range)));
        for (String other : List.of("root", "cwd")) {
            path.put(other, new Value.Entry(other, range,
                    new Value.Unknown("path." + other + " is known only when Terraform runs", range)));
        }
        Value pathValue = evaluator.eval(call.arguments().get(0), scope.with("path", new Value.MapValue(path, range)),
                file);
        if (Failures.failed(pathValue)) {
            return pathValue;
        }
        String text = Values.scalarText(pathValue);
        if (text == null) {
            return new Value.Unknown(name + "() of a path not known statically", range);
        }
        Path target;
        try {
            target = Paths.get(text);
        } catch (InvalidPathException e) {
            return Failures.failure(name + "(): no file can have this path", range); // a NUL character
        }
        if (!target.isAbsolute()) {
            return new Value.Unknown(name + "() of a path relative to where Terraform runs is not read", range);
        }
        target = target.normalize();
        Path repository = repository(moduleDir);
        if (!target.startsWith(repository) && !target.startsWith(Paths.get("").toAbsolutePath().normalize())) {
            return new Value.Unknown(name + "() of a file outside the repository is not read", range);
        }
        String content;
        try {
            if (!Files.isRegularFile(target)) {
                return Failures.failure(name + "(): no file " + target.getFileName(), range);
            }
            if (Files.size(target) > MAX_FILE_BYTES) {
                return new Value.Unknown(name + "() of a file larger than 1 MB is not read", range);
            }
            content = SourceFile.decodeUtf8(Files.readAllBytes(target));
        } catch (IOException | InputException e) {
            return Failures.failure(name + "(): the file cannot be read as UTF-8 text", range);
        }
        if (!template) {
            return new Value.Text(content, range);
        }
        if (call.arguments().size() != 2) {
            return Failures.failure("templatefile() takes a path and a map of variables", range);
        }
        Value vars = Values.unwrap(evaluator.eval(call.arguments().get(1), scope, file));
        if (Failures.failed(vars)) {
            return vars;
        }
        if (!(vars instanceof Value.MapValue map)) {
            return new Value.Unknown("templatefile() with variables not known statically", range);
        }
        Scope names = Scope.EMPTY;
        for (Value.Entry entry : map.entries().values()) {
            names = names.with(entry.key(), entry.value());
        }
        try {
            Expression.Template parsed = HclSyntax.parseTemplate(content, new dev.trailwatch.source.Position(1, 1));
            String shown = Paths.get(file.displayPath()).resolveSibling(moduleDir.relativize(target)).normalize()
                    .toString().replace('\\', '/');
            SourceFile templateFile = new SourceFile(target, shown, content);
            return evaluator.template(parsed.parts(), range, names, templateFile, true);
        } catch (InputException e) {
            return Failures.failure("templatefile(): the template is not valid: " + e.getMessage(), range);
        }
    }

    /** The git repository's root above a folder, or the folder itself. */
    private static Path repository(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return dir;
    }
}
