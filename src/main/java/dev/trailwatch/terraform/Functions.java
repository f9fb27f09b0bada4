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
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        try {
            Value result = apply(name, args, range);
            return result != null ? result : new Value.Unknown("function " + name + "() is not evaluated", range);
        } catch (NotKnown e) {
            return new Value.Unknown(name + "() of a value not known statically", range);
        } catch (RuntimeException e) {
            // Bad input to a function (jsondecode of broken JSON, a bad format): Terraform fails too.
            return Evaluator.failure(name + "() could not be evaluated: " + e.getMessage(), range);
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
            case "join": {
                String separator = text(args, 0);
                List<Value> parts = new ArrayList<>();
                for (int i = 1; i < args.size(); i++) {
                    for (Value item : list(args, i)) {
                        if (!parts.isEmpty() && !separator.isEmpty()) {
                            parts.add(new Value.Text(separator, range));
                        }
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
                for (Value arg : args) {
                    Value v = Values.unwrap(arg);
                    if (v instanceof Value.Null || (v instanceof Value.Text t && t.text().isEmpty())) {
                        continue;
                    }
                    if (!isKnownScalar(v)) {
                        throw new NotKnown();
                    }
                    return arg;
                }
                return Evaluator.failure("coalesce() with no non-empty argument fails", range);
            case "coalescelist":
                for (int i = 0; i < args.size(); i++) {
                    if (!list(args, i).isEmpty()) {
                        return args.get(i);
                    }
                }
                return Evaluator.failure("coalescelist() with no non-empty argument fails", range);
            case "lookup": {
                Value.MapValue map = map(args, 0);
                Value found = map.get(text(args, 1));
                if (found != null) {
                    return found;
                }
                return args.size() > 2 ? args.get(2) : Evaluator.failure("lookup() of a missing key fails", range);
            }
            case "tostring":
                if (Values.unwrap(args.get(0)) instanceof Value.Null) {
                    return args.get(0);
                }
                return new Value.Text(text(args, 0), range);
            case "tonumber":
                return new Value.Number(text(args, 0), range);
            case "tobool": {
                Boolean b = Operators.asBool(args.get(0));
                if (b == null) {
                    throw new NotKnown();
                }
                return new Value.Bool(b, range);
            }
            case "tolist":
            case "toset":
                return new Value.ListValue(distinctIf(name.equals("toset"), list(args, 0)), range);
            case "tomap":
                return map(args, 0);
            case "lower":
                return new Value.Text(text(args, 0).toLowerCase(Locale.ROOT), range);
            case "upper":
                return new Value.Text(text(args, 0).toUpperCase(Locale.ROOT), range);
            case "trimspace":
                return new Value.Text(text(args, 0).strip(), range);
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
            case "replace": {
                String search = text(args, 1);
                if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
                    return null; // regular expressions: Go's syntax, not evaluated
                }
                return new Value.Text(text(args, 0).replace(search, text(args, 2)), range);
            }
            case "split": {
                List<Value> items = new ArrayList<>();
                for (String part : text(args, 1).split(java.util.regex.Pattern.quote(text(args, 0)), -1)) {
                    items.add(new Value.Text(part, range));
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
                return new Value.Number(Integer.toString(text(args, 0).codePointCount(0, text(args, 0).length())),
                        range);
            }
            case "element": {
                List<Value> items = list(args, 0);
                BigDecimal index = Operators.asNumber(args.get(1));
                if (index == null || items.isEmpty()) {
                    throw new NotKnown();
                }
                return items.get(index.intValue() % items.size());
            }
            case "one": {
                List<Value> items = list(args, 0);
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
            case "distinct":
                return new Value.ListValue(distinctIf(true, list(args, 0)), range);
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
                List<Value> out = new ArrayList<>();
                for (Value.Entry entry : map(args, 0).entries().values()) {
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
                    return Evaluator.failure("jsondecode() of text that is not JSON", range);
                }
            case "can":
                return Values.unwrap(args.get(0)) instanceof Value.Unknown ? null : new Value.Bool(true, range);
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

    /** format() with %s, %d, %v, %q and %%; unknown arguments keep their place as parts. */
    private static Value format(List<Value> args, Range range) {
        String spec = text(args, 0);
        List<Value> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%' || i + 1 >= spec.length()) {
                literal.append(c);
                continue;
            }
            char verb = spec.charAt(++i);
            if (verb == '%') {
                literal.append('%');
                continue;
            }
            if ("sdvq".indexOf(verb) < 0 || next >= args.size()) {
                return null; // widths, flags and other verbs are not evaluated
            }
            if (literal.length() > 0) {
                parts.add(new Value.Text(literal.toString(), range));
                literal.setLength(0);
            }
            Value arg = args.get(next++);
            String known = Values.scalarText(arg);
            parts.add(verb == 'q' && known != null ? new Value.Text('"' + known + '"', range) : arg);
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Value.Text(literal.toString(), range));
        }
        return Operators.concatenate(parts, range);
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

    private static List<Value> distinctIf(boolean distinct, List<Value> items) {
        if (!distinct) {
            return items;
        }
        Map<String, Value> seen = new LinkedHashMap<>();
        for (Value item : items) {
            String key = Values.scalarText(item);
            if (key == null) {
                throw new NotKnown();
            }
            seen.putIfAbsent(key, item);
        }
        return List.copyOf(seen.values());
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
            json.writeNumber(n.literal());
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
            for (Value.Entry entry : new LinkedHashSet<>(m.entries().values())) {
                json.writeFieldName(entry.key());
                write(json, entry.value());
            }
            json.writeEndObject();
        } else {
            throw new NotKnown();
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
