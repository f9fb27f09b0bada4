package dev.trailwatch.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.Range;
import dev.trailwatch.source.SourceFile;
import dev.trailwatch.terraform.hcl.Expression;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Terraform functions that matter for ARNs and policies, on known values. Any other
 * function, or one whose arguments are not known, gives {@link Value.Unknown} with the reason.
 */
final class Functions {
    private static final JsonFactory JSON = new JsonFactory();

    private Functions() {}

    static Value call(Evaluator evaluator, Expression.FunctionCall call, Scope scope, SourceFile file) {
        String name = call.name();
        Range range = call.range();
        if (name.equals("try")) {
            // Like Terraform: the first argument that does not fail, even when it is not known yet.
            for (Expression argument : call.arguments()) {
                Value v = evaluator.eval(argument, scope, file);
                if (!Evaluator.failed(v)) {
                    return v;
                }
            }
            return Evaluator.failure("every argument of try() fails", range);
        }
        if ((name.equals("file") || name.equals("templatefile")) && !call.arguments().isEmpty()
                && file.path() != null) {
            return readFile(evaluator, call, scope, file, name.equals("templatefile"));
        }
        if (name.equals("can") && call.arguments().size() == 1) {
            // false when Terraform would fail to evaluate the argument; unknown while it is not known.
            Value v = evaluator.eval(call.arguments().get(0), scope, file);
            if (Evaluator.failed(v)) {
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
            if (Evaluator.failed(arg)) {
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
        return distributing(name, args, range, MAX_DISTRIBUTED_CONDITIONS);
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
        if (Evaluator.failed(pathValue)) {
            return pathValue;
        }
        String text = Values.scalarText(pathValue);
        if (text == null) {
            return new Value.Unknown(name + "() of a path not known statically", range);
        }
        Path target = Paths.get(text);
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
                return Evaluator.failure(name + "(): no file " + target.getFileName(), range);
            }
            if (Files.size(target) > MAX_FILE_BYTES) {
                return new Value.Unknown(name + "() of a file larger than 1 MB is not read", range);
            }
            content = SourceFile.decodeUtf8(Files.readAllBytes(target));
        } catch (IOException | InputException e) {
            return Evaluator.failure(name + "(): the file cannot be read as UTF-8 text", range);
        }
        if (!template) {
            return new Value.Text(content, range);
        }
        if (call.arguments().size() != 2) {
            return Evaluator.failure("templatefile() takes a path and a map of variables", range);
        }
        Value vars = Values.unwrap(evaluator.eval(call.arguments().get(1), scope, file));
        if (Evaluator.failed(vars)) {
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
            return Evaluator.failure("templatefile(): the template is not valid: " + e.getMessage(), range);
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

    /** At most this many undecided conditions among a call's arguments are followed (2^n calls). */
    private static final int MAX_DISTRIBUTED_CONDITIONS = 4;

    /**
     * A call whose argument is an undecided condition is the condition over the call on each
     * branch, so that {@code coalesce(var.x ? "" : null, "a")} and {@code lower(c ? "A" : "B")}
     * stay known on each branch.
     */
    private static Value distributing(String name, List<Value> args, Range range, int budget) {
        if (budget > 0) {
            for (int i = 0; i < args.size(); i++) {
                if (Values.unwrap(args.get(i)) instanceof Value.Conditional c) {
                    List<Value> whenTrue = new ArrayList<>(args);
                    whenTrue.set(i, rewrap(args.get(i), c.whenTrue()));
                    List<Value> whenFalse = new ArrayList<>(args);
                    whenFalse.set(i, rewrap(args.get(i), c.whenFalse()));
                    Value onTrue = distributing(name, whenTrue, range, budget - 1);
                    Value onFalse = distributing(name, whenFalse, range, budget - 1);
                    // coalesce(c ? "" : null, "a") is "a" either way: the condition does not matter.
                    return onTrue.equals(onFalse) ? onTrue
                            : new Value.Conditional(c.condition(), onTrue, onFalse, range);
                }
            }
        }
        try {
            Value result = apply(name, args, range);
            return result != null ? result : new Value.Unknown("function " + name + "() is not evaluated", range);
        } catch (NotKnown e) {
            return new Value.Unknown(name + "() of a value not known statically", range);
        } catch (Failed | GoRegex.Rejected e) {
            return Evaluator.failure(name + "(): " + e.getMessage(), range);
        } catch (GoRegex.NotTranslated e) {
            return new Value.Unknown("function " + name + "() with this pattern is not evaluated", range);
        } catch (RuntimeException e) {
            // Bad input to a function (jsondecode of broken JSON, a bad format): Terraform fails too.
            return Evaluator.failure(name + "() could not be evaluated: " + e.getMessage(), range);
        }
    }

    /** {@code inner} in place of the value a substitution wraps, keeping where it came from. */
    private static Value rewrap(Value wrapper, Value inner) {
        if (wrapper instanceof Value.Substituted s) {
            return new Value.Substituted(rewrap(s.value(), inner), s.range(), s.origin(), s.originDescription());
        }
        return inner;
    }

    /** Terraform would fail on these arguments (so try() skips the call and can() is false). */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** An argument that is not known (or not of the kind the function needs). */
    private static final class NotKnown extends RuntimeException {
        NotKnown() {
            super(null, null, false, false);
        }
    }

    private static Value apply(String name, List<Value> args, Range range) {
        switch (name) {
            case "format":
                return format(args, range);
            case "formatlist":
                return formatlist(args, range);
            case "join": {
                String separator = text(args, 0);
                List<Value> parts = new ArrayList<>();
                boolean first = true;
                for (int i = 1; i < args.size(); i++) {
                    for (Value item : list(args, i)) {
                        if (Values.unwrap(item) instanceof Value.Null) {
                            throw new Failed("a null element cannot be joined");
                        }
                        if (!first && !separator.isEmpty()) {
                            parts.add(new Value.Text(separator, range));
                        }
                        first = false;
                        parts.add(item);
                    }
                }
                return Operators.concatenate(parts, range);
            }
            case "concat": {
                List<Value> all = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    all.addAll(list(args, i));
                }
                return new Value.ListValue(List.copyOf(all), range);
            }
            case "coalesce":
                return coalesce(args, range);
            case "coalescelist":
                for (int i = 0; i < args.size(); i++) {
                    Value v = Values.unwrap(args.get(i));
                    if (v instanceof Value.Null) {
                        throw new Failed("null is not a list");
                    }
                    if (!list(args, i).isEmpty()) {
                        return args.get(i);
                    }
                }
                throw new Failed("no non-empty list among the arguments");
            case "lookup": {
                Value.MapValue map = map(args, 0);
                Value found = map.get(text(args, 1));
                if (found != null) {
                    return found;
                }
                if (args.size() > 2) {
                    return args.get(2);
                }
                throw new Failed("the key is not in the map and no default is given");
            }
            case "tostring": {
                Value v = Values.unwrap(args.get(0));
                if (v instanceof Value.Null) {
                    return args.get(0);
                }
                if (v instanceof Value.ListValue || v instanceof Value.MapValue) {
                    throw new Failed("a collection cannot be converted to a string");
                }
                if (v instanceof Value.Reference || v instanceof Value.Concatenation) {
                    return args.get(0); // an attribute such as an ARN is a string already
                }
                String s = text(args, 0);
                return new Value.Text(v instanceof Value.Number ? canonicalNumber(s) : s, range);
            }
            case "tonumber": {
                Value v = Values.unwrap(args.get(0));
                if (v instanceof Value.Null) {
                    return args.get(0);
                }
                BigDecimal n = Evaluator.number(text(args, 0).strip());
                if (n == null) {
                    throw new Failed("not a number");
                }
                return new Value.Number(n.stripTrailingZeros().toPlainString(), range);
            }
            case "tobool": {
                if (Values.unwrap(args.get(0)) instanceof Value.Null) {
                    return args.get(0);
                }
                Boolean b = Operators.asBool(args.get(0));
                if (b == null) {
                    throw new NotKnown();
                }
                return new Value.Bool(b, range);
            }
            case "tolist":
                return new Value.ListValue(list(args, 0), range);
            case "toset":
                return new Value.ListValue(sortedSet(list(args, 0)), range);
            case "tomap":
                return map(args, 0);
            case "setunion":
            case "setintersection":
            case "setsubtract": {
                List<Value> result = new ArrayList<>(sortedSet(list(args, 0)));
                for (int i = 1; i < args.size(); i++) {
                    java.util.Set<String> other = new java.util.HashSet<>();
                    for (Value item : sortedSet(list(args, i))) {
                        other.add(Values.scalarText(item));
                    }
                    if (name.equals("setunion")) {
                        result.addAll(list(args, i));
                    } else {
                        boolean keep = name.equals("setintersection");
                        result.removeIf(item -> other.contains(Values.scalarText(item)) != keep);
                    }
                    if (name.equals("setsubtract")) {
                        break; // it takes two sets
                    }
                }
                return new Value.ListValue(sortedSet(result), range);
            }
            case "alltrue":
            case "anytrue": {
                boolean all = name.equals("alltrue");
                for (Value item : list(args, 0)) {
                    Boolean b = Operators.asBool(item);
                    if (b == null) {
                        throw new NotKnown();
                    }
                    if (b != all) {
                        return new Value.Bool(!all, range);
                    }
                }
                return new Value.Bool(all, range);
            }
            case "nonsensitive":
            case "sensitive":
                return args.size() == 1 ? args.get(0) : null;
            case "lower":
                return new Value.Text(text(args, 0).toLowerCase(Locale.ROOT), range);
            case "upper":
                return new Value.Text(text(args, 0).toUpperCase(Locale.ROOT), range);
            case "title":
                return new Value.Text(title(text(args, 0)), range);
            case "trimspace":
                return new Value.Text(text(args, 0).strip(), range);
            case "chomp": {
                String s = text(args, 0);
                int end = s.length();
                while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                    end--;
                }
                return new Value.Text(s.substring(0, end), range);
            }
            case "trim": {
                String s = text(args, 0);
                String cutset = text(args, 1);
                int start = 0;
                int end = s.length();
                while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
                    start += Character.charCount(s.codePointAt(start));
                }
                while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
                    end -= Character.charCount(s.codePointBefore(end));
                }
                return new Value.Text(s.substring(start, end), range);
            }
            case "trimprefix": {
                String s = text(args, 0);
                String prefix = text(args, 1);
                return new Value.Text(s.startsWith(prefix) ? s.substring(prefix.length()) : s, range);
            }
            case "trimsuffix": {
                String s = text(args, 0);
                String suffix = text(args, 1);
                return new Value.Text(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s, range);
            }
            case "startswith":
                return new Value.Bool(text(args, 0).startsWith(text(args, 1)), range);
            case "endswith":
                return new Value.Bool(text(args, 0).endsWith(text(args, 1)), range);
            case "strcontains":
                return new Value.Bool(text(args, 0).contains(text(args, 1)), range);
            case "substr":
                return new Value.Text(substr(text(args, 0), integer(args, 1), integer(args, 2)), range);
            case "replace": {
                String search = text(args, 1);
                if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
                    return new Value.Text(GoRegex.compile(search.substring(1, search.length() - 1))
                            .replaceAll(text(args, 0), text(args, 2)), range);
                }
                return new Value.Text(text(args, 0).replace(search, text(args, 2)), range);
            }
            case "regex":
                return GoRegex.compile(text(args, 0)).first(text(args, 1), range);
            case "regexall":
                return GoRegex.compile(text(args, 0)).all(text(args, 1), range);
            case "split": {
                String separator = text(args, 0);
                String s = text(args, 1);
                List<Value> items = new ArrayList<>();
                if (separator.isEmpty()) {
                    // Go's strings.Split: one item per character (none for an empty string).
                    s.codePoints().forEach(c -> items.add(new Value.Text(new String(Character.toChars(c)), range)));
                } else {
                    for (String part : s.split(java.util.regex.Pattern.quote(separator), -1)) {
                        items.add(new Value.Text(part, range));
                    }
                }
                return new Value.ListValue(List.copyOf(items), range);
            }
            case "length": {
                Value v = Values.unwrap(args.get(0));
                if (v instanceof Value.ListValue l) {
                    return new Value.Number(Integer.toString(l.items().size()), range);
                }
                if (v instanceof Value.MapValue m) {
                    return new Value.Number(Integer.toString(m.entries().size()), range);
                }
                return new Value.Number(Integer.toString(graphemes(text(args, 0))), range);
            }
            case "element": {
                List<Value> items = list(args, 0);
                int index = integer(args, 1);
                if (items.isEmpty()) {
                    throw new Failed("element() of an empty list");
                }
                if (index < 0) {
                    throw new Failed("element() with a negative index");
                }
                return items.get(index % items.size());
            }
            case "index": {
                String wanted = text(args, 1);
                List<Value> items = list(args, 0);
                for (int i = 0; i < items.size(); i++) {
                    String s = Values.scalarText(items.get(i));
                    if (s == null) {
                        throw new NotKnown();
                    }
                    if (s.equals(wanted)) {
                        return new Value.Number(Integer.toString(i), range);
                    }
                }
                throw new Failed("the value is not in the list");
            }
            case "slice": {
                List<Value> items = list(args, 0);
                int from = integer(args, 1);
                int to = integer(args, 2);
                if (from < 0 || to > items.size() || from > to) {
                    throw new Failed("slice() indices out of range");
                }
                return new Value.ListValue(List.copyOf(items.subList(from, to)), range);
            }
            case "reverse": {
                List<Value> items = new ArrayList<>(list(args, 0));
                java.util.Collections.reverse(items);
                return new Value.ListValue(List.copyOf(items), range);
            }
            case "sort": {
                List<String> texts = new ArrayList<>();
                for (Value item : list(args, 0)) {
                    String s = Values.scalarText(item);
                    if (s == null) {
                        throw new NotKnown();
                    }
                    texts.add(s);
                }
                texts.sort(Functions::compareBytes);
                List<Value> out = new ArrayList<>();
                for (String t : texts) {
                    out.add(new Value.Text(t, range));
                }
                return new Value.ListValue(List.copyOf(out), range);
            }
            case "range":
                return range(args, range);
            case "zipmap": {
                List<Value> keys = list(args, 0);
                List<Value> values = list(args, 1);
                if (keys.size() != values.size()) {
                    throw new Failed("zipmap() of lists of different lengths");
                }
                Map<String, Value.Entry> out = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    String key = Values.scalarText(keys.get(i));
                    if (key == null) {
                        throw new NotKnown();
                    }
                    out.put(key, new Value.Entry(key, keys.get(i).range(), values.get(i)));
                }
                return new Value.MapValue(out, range);
            }
            case "one": {
                Value v = Values.unwrap(args.get(0));
                if (v instanceof Value.Null || v instanceof Value.MapValue) {
                    throw new Failed("one() needs a list or a set");
                }
                List<Value> items = list(args, 0);
                if (items.size() > 1) {
                    throw new Failed("one() of a list with more than one element");
                }
                return items.isEmpty() ? new Value.Null(range) : items.get(0);
            }
            case "compact": {
                List<Value> kept = new ArrayList<>();
                for (Value item : list(args, 0)) {
                    Value v = Values.unwrap(item);
                    if (!(v instanceof Value.Null) && !(v instanceof Value.Text t && t.text().isEmpty())) {
                        kept.add(item);
                    }
                }
                return new Value.ListValue(List.copyOf(kept), range);
            }
            case "flatten": {
                List<Value> flat = new ArrayList<>();
                flatten(list(args, 0), flat);
                return new Value.ListValue(List.copyOf(flat), range);
            }
            case "distinct": {
                Map<String, Value> seen = new LinkedHashMap<>();
                for (Value item : list(args, 0)) {
                    String key = Values.scalarText(item);
                    if (key == null) {
                        throw new NotKnown();
                    }
                    seen.putIfAbsent(key, item);
                }
                return new Value.ListValue(List.copyOf(seen.values()), range);
            }
            case "contains": {
                String wanted = text(args, 1);
                for (Value item : list(args, 0)) {
                    String s = Values.scalarText(item);
                    if (s == null) {
                        throw new NotKnown();
                    }
                    if (s.equals(wanted)) {
                        return new Value.Bool(true, range);
                    }
                }
                return new Value.Bool(false, range);
            }
            case "keys":
            case "values": {
                // Terraform orders a map's keys lexically, whatever order they were written in.
                List<Value.Entry> entries = new ArrayList<>(map(args, 0).entries().values());
                entries.sort((x, y) -> compareBytes(x.key(), y.key()));
                List<Value> out = new ArrayList<>();
                for (Value.Entry entry : entries) {
                    out.add(name.equals("keys") ? new Value.Text(entry.key(), entry.keyRange()) : entry.value());
                }
                return new Value.ListValue(List.copyOf(out), range);
            }
            case "merge": {
                Map<String, Value.Entry> merged = new LinkedHashMap<>();
                for (int i = 0; i < args.size(); i++) {
                    if (Values.unwrap(args.get(i)) instanceof Value.Null) {
                        continue;
                    }
                    merged.putAll(map(args, i).entries());
                }
                return new Value.MapValue(merged, range);
            }
            case "jsonencode":
                try {
                    return new Value.Text(jsonEncode(args.get(0)), range);
                } catch (NotKnown e) {
                    // JSON of a structure holding references (a policy naming a log group's ARN): the
                    // structure itself, which policy readers accept as they accept the JSON text.
                    return Values.at(args.get(0), range);
                }
            case "jsondecode":
                try {
                    return withRange(DocumentParser.parseJson(text(args, 0)), range);
                } catch (InputException e) {
                    throw new Failed("the text is not JSON");
                }
            case "basename": {
                String path = text(args, 0);
                String trimmed = path.replaceAll("/+$", "");
                return new Value.Text(trimmed.isEmpty() ? (path.isEmpty() ? "." : "/")
                        : trimmed.substring(trimmed.lastIndexOf('/') + 1), range);
            }
            case "dirname": {
                String path = text(args, 0);
                int slash = path.replaceAll("/+$", "").lastIndexOf('/');
                return new Value.Text(slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash), range);
            }
            case "min":
            case "max": {
                BigDecimal best = null;
                for (Value arg : args) {
                    BigDecimal n = Operators.asNumber(arg);
                    if (n == null) {
                        throw new NotKnown();
                    }
                    if (best == null || (name.equals("min") ? n.compareTo(best) < 0 : n.compareTo(best) > 0)) {
                        best = n;
                    }
                }
                return best == null ? null : new Value.Number(best.toPlainString(), range);
            }
            default:
                return null;
        }
    }

    /**
     * The first argument that is neither null nor "". A value not written literally is taken
     * when it cannot be either: a resource's attribute (an ARN, a name), a collection, or a string
     * built with a non-empty known part ({@code "${aws_cloudwatch_log_group.x.arn}:*"}); anything
     * else not known makes the result unknown.
     */
    private static Value coalesce(List<Value> args, Range range) {
        for (Value arg : args) {
            Value v = Values.unwrap(arg);
            if (v instanceof Value.Null || (v instanceof Value.Text t && t.text().isEmpty())) {
                continue;
            }
            if (isKnownScalar(v) && !(v instanceof Value.Text) && args.stream().anyMatch(
                    a -> Values.unwrap(a) instanceof Value.Text)) {
                return new Value.Text(Values.scalarText(v), arg.range()); // converted to the arguments' common type
            }
            if (isKnownScalar(v) || v instanceof Value.Reference || v instanceof Value.ListValue
                    || v instanceof Value.MapValue || (v instanceof Value.Concatenation c && hasNonEmptyPart(c))) {
                return arg;
            }
            throw new NotKnown();
        }
        throw new Failed("no argument is neither null nor an empty string");
    }

    private static boolean hasNonEmptyPart(Value.Concatenation c) {
        for (Value part : c.parts()) {
            String s = Values.scalarText(part);
            if (s != null && !s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** range(limit), range(start, limit), range(start, limit, step), at most 1024 numbers as Terraform allows. */
    private static Value range(List<Value> args, Range at) {
        if (args.isEmpty() || args.size() > 3) {
            throw new Failed("range() takes one to three numbers");
        }
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal limit;
        BigDecimal step = BigDecimal.ONE;
        if (args.size() == 1) {
            limit = number(args, 0);
        } else {
            start = number(args, 0);
            limit = number(args, 1);
            if (args.size() == 3) {
                step = number(args, 2);
            } else if (limit.compareTo(start) < 0) {
                step = BigDecimal.ONE.negate();
            }
        }
        if (step.signum() == 0) {
            throw new Failed("range() with a step of zero");
        }
        List<Value> out = new ArrayList<>();
        boolean up = step.signum() > 0;
        for (BigDecimal n = start; up ? n.compareTo(limit) < 0 : n.compareTo(limit) > 0; n = n.add(step)) {
            if (out.size() >= 1024) {
                throw new Failed("range() of more than 1024 numbers");
            }
            out.add(new Value.Number(n.toPlainString(), at));
        }
        return new Value.ListValue(List.copyOf(out), at);
    }

    /** A set's elements as Terraform orders them: numbers by value, strings lexically (bytes), duplicates once. */
    private static List<Value> sortedSet(List<Value> items) {
        boolean numbers = true;
        Map<String, Value> seen = new LinkedHashMap<>();
        for (Value item : items) {
            String key = Values.scalarText(item);
            if (key == null) {
                throw new NotKnown();
            }
            numbers &= Values.unwrap(item) instanceof Value.Number;
            seen.putIfAbsent(numbers ? key : key, item);
        }
        List<Value> out = new ArrayList<>(seen.values());
        if (numbers) {
            out.sort((x, y) -> Operators.asNumber(x).compareTo(Operators.asNumber(y)));
        } else {
            out.sort((x, y) -> compareBytes(Values.scalarText(x), Values.scalarText(y)));
        }
        return List.copyOf(out);
    }

    /** Go's string order: by UTF-8 bytes, which is code point order. */
    private static int compareBytes(String x, String y) {
        return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
    }

    /** Terraform's title() (Go's strings.Title): the first letter after a separator in upper case. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(c) : c);
            // ASCII: anything but letters, digits and _ separates words; beyond ASCII, only spaces.
            start = c < 0x80 ? !(Character.isLetterOrDigit(c) || c == '_') : Character.isWhitespace(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * substr(): in characters; a negative offset counts from the end (and stops at the start), a
     * negative length means the rest, and whatever lies past the end is left out.
     */
    private static String substr(String s, int offset, int length) {
        int[] chars = s.codePoints().toArray();
        int from = offset < 0 ? Math.max(0, chars.length + offset) : Math.min(offset, chars.length);
        int to = length < 0 ? chars.length : (int) Math.min(chars.length, (long) from + length);
        return new String(chars, from, Math.max(0, to - from));
    }

    /** The number of user-perceived characters, as Terraform's length() counts a string. */
    private static int graphemes(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\X").matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String canonicalNumber(String literal) {
        BigDecimal n = Evaluator.number(literal);
        return n == null ? literal : n.stripTrailingZeros().toPlainString();
    }

    /**
     * format() with %s, %d, %v, %q, %t and %%, with a width and the {@code -} flag; unknown
     * arguments keep their place as parts. Other verbs and flags are not evaluated.
     */
    private static Value format(List<Value> args, Range range) {
        String spec = text(args, 0);
        List<Value> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new Failed("the format ends with %");
            }
            if (spec.charAt(i + 1) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            boolean left = false;
            while (j < spec.length() && "-+# 0".indexOf(spec.charAt(j)) >= 0) {
                if (spec.charAt(j) != '-') {
                    return null; // flags other than - are not evaluated
                }
                left = true;
                j++;
            }
            int widthStart = j;
            while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
                j++;
            }
            int width = j > widthStart ? Integer.parseInt(spec.substring(widthStart, Math.min(j, widthStart + 4))) : 0;
            if (j >= spec.length()) {
                throw new Failed("a format verb is incomplete");
            }
            char verb = spec.charAt(j);
            i = j;
            if ("sdvqt".indexOf(verb) < 0) {
                return null; // precisions and other verbs are not evaluated
            }
            if (next >= args.size()) {
                throw new Failed("not enough arguments for the format");
            }
            Value arg = args.get(next++);
            Value v = Values.unwrap(arg);
            if (v instanceof Value.Null) {
                throw new NotKnown(); // Terraform gives an unknown value for a null argument
            }
            String known = Values.scalarText(arg);
            if (known == null && (v instanceof Value.ListValue || v instanceof Value.MapValue)) {
                return null; // %v of a collection: not evaluated
            }
            if (known == null && width == 0 && verb != 'q') {
                if (literal.length() > 0) {
                    parts.add(new Value.Text(literal.toString(), range));
                    literal.setLength(0);
                }
                parts.add(arg); // a reference or a value not known: kept as a part of the string
                continue;
            }
            if (known == null) {
                throw new NotKnown();
            }
            String formatted;
            switch (verb) {
                case 'd': {
                    BigDecimal n = Evaluator.number(known.strip());
                    if (n == null || n.stripTrailingZeros().scale() > 0) {
                        throw new Failed("%d needs a whole number");
                    }
                    formatted = n.toBigInteger().toString();
                    break;
                }
                case 't':
                    if (!(v instanceof Value.Bool) && !known.equals("true") && !known.equals("false")) {
                        throw new Failed("%t needs a bool");
                    }
                    formatted = known;
                    break;
                case 'q':
                    formatted = goQuote(known);
                    break;
                default:
                    formatted = v instanceof Value.Number ? canonicalNumber(known) : known;
            }
            int pad = width - formatted.codePointCount(0, formatted.length());
            if (pad > 0) {
                formatted = left ? formatted + " ".repeat(pad) : " ".repeat(pad) + formatted;
            }
            literal.append(formatted);
        }
        if (next < args.size()) {
            throw new Failed("too many arguments for the format");
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Value.Text(literal.toString(), range));
        }
        return Operators.concatenate(parts, range);
    }

    /** formatlist(): format() once per element; lists must be of one length, other values repeat. */
    private static Value formatlist(List<Value> args, Range range) {
        int length = -1;
        for (int i = 1; i < args.size(); i++) {
            Value v = Values.unwrap(args.get(i));
            if (v instanceof Value.ListValue l) {
                if (length >= 0 && length != l.items().size()) {
                    throw new Failed("formatlist() of lists of different lengths");
                }
                length = l.items().size();
            } else if (!isKnownScalar(v)) {
                throw new NotKnown(); // a reference may stand for a list (aws_x.y[*].arn): its length is not known
            }
        }
        if (length < 0) {
            length = 1;
        }
        List<Value> out = new ArrayList<>();
        for (int n = 0; n < length; n++) {
            List<Value> row = new ArrayList<>();
            row.add(args.get(0));
            for (int i = 1; i < args.size(); i++) {
                Value v = Values.unwrap(args.get(i));
                row.add(v instanceof Value.ListValue l ? l.items().get(n) : args.get(i));
            }
            Value formatted = format(row, range);
            if (formatted == null) {
                return null;
            }
            out.add(formatted);
        }
        return new Value.ListValue(List.copyOf(out), range);
    }

    /** Go's %q of a string. */
    private static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static int integer(List<Value> args, int i) {
        BigDecimal n = number(args, i);
        if (n.stripTrailingZeros().scale() > 0) {
            throw new Failed("a whole number is needed");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new Failed("the number is too large");
        }
    }

    private static BigDecimal number(List<Value> args, int i) {
        if (i >= args.size()) {
            throw new Failed("an argument is missing");
        }
        BigDecimal n = Operators.asNumber(args.get(i));
        if (n == null) {
            throw new NotKnown();
        }
        return n;
    }

    private static String text(List<Value> args, int i) {
        if (i >= args.size()) {
            throw new NotKnown();
        }
        String s = Values.scalarText(args.get(i));
        if (s == null) {
            throw new NotKnown();
        }
        return s;
    }

    private static List<Value> list(List<Value> args, int i) {
        if (i < args.size() && Values.unwrap(args.get(i)) instanceof Value.ListValue l) {
            return l.items();
        }
        throw new NotKnown();
    }

    private static Value.MapValue map(List<Value> args, int i) {
        if (i < args.size() && Values.unwrap(args.get(i)) instanceof Value.MapValue m) {
            return m;
        }
        throw new NotKnown();
    }

    private static boolean isKnownScalar(Value v) {
        return v instanceof Value.Text || v instanceof Value.Number || v instanceof Value.Bool;
    }

    private static void flatten(List<Value> items, List<Value> out) {
        for (Value item : items) {
            if (Values.unwrap(item) instanceof Value.ListValue l) {
                flatten(l.items(), out);
            } else {
                out.add(item);
            }
        }
    }

    /** JSON text of a fully known value. */
    static String jsonEncode(Value value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(GoEscapes.INSTANCE);
            write(json, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Value value) throws IOException {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Text t) {
            json.writeString(t.text());
        } else if (v instanceof Value.Number n) {
            json.writeNumber(canonicalNumber(n.literal()));
        } else if (v instanceof Value.Bool b) {
            json.writeBoolean(b.value());
        } else if (v instanceof Value.Null) {
            json.writeNull();
        } else if (v instanceof Value.ListValue l) {
            json.writeStartArray();
            for (Value item : l.items()) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (v instanceof Value.MapValue m) {
            json.writeStartObject();
            // Terraform writes an object's keys in lexical order.
            List<Value.Entry> entries = new ArrayList<>(m.entries().values());
            entries.sort((x, y) -> compareBytes(x.key(), y.key()));
            for (Value.Entry entry : entries) {
                json.writeFieldName(entry.key());
                write(json, entry.value());
            }
            json.writeEndObject();
        } else {
            throw new NotKnown();
        }
    }

    /** Go's JSON escapes, which Terraform's jsonencode uses: {@code <}, {@code >}, {@code &} and U+2028/2029. */
    private static final class GoEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        static final GoEscapes INSTANCE = new GoEscapes();
        private final int[] table = standardAsciiEscapesForJSON();

        private GoEscapes() {
            table['<'] = ESCAPE_CUSTOM;
            table['>'] = ESCAPE_CUSTOM;
            table['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** A decoded value placed where the call that produced it is written. */
    static Value withRange(Value value, Range range) {
        if (value instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            for (Value item : l.items()) {
                items.add(withRange(item, range));
            }
            return new Value.ListValue(List.copyOf(items), range);
        }
        if (value instanceof Value.MapValue m) {
            Map<String, Value.Entry> entries = new LinkedHashMap<>();
            for (Value.Entry entry : m.entries().values()) {
                entries.put(entry.key(), new Value.Entry(entry.key(), range, withRange(entry.value(), range)));
            }
            return new Value.MapValue(entries, range);
        }
        return Values.at(value, range);
    }
}
