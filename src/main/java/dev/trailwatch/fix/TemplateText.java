package dev.trailwatch.fix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a small template fragment (maps, lists, strings, numbers and intrinsic functions) in the
 * style of the file it goes into: JSON, YAML with short-form tags ({@code !GetAtt X.Arn}) or YAML
 * with long forms ({@code Fn::GetAtt: [X, Arn]}), indented by the file's own unit.
 */
final class TemplateText {
    /** An intrinsic function: {@code Ref}, {@code Fn::GetAtt} (argument: [id, attribute]) or {@code Fn::Sub}. */
    record Fn(String name, Object argument) {}

    enum Syntax { JSON, YAML_SHORT, YAML_LONG }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/:*-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null");

    private final Syntax syntax;
    private final String unit;
    private final String newline;

    /** {@code unit} null writes JSON on one line. */
    TemplateText(Syntax syntax, String unit, String newline) {
        this.syntax = syntax;
        this.unit = unit;
        this.newline = newline;
    }

    Syntax syntax() {
        return syntax;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Fn getAtt(String id, String attribute) {
        return new Fn("Fn::GetAtt", List.of(id, attribute));
    }

    /** Map entries, one per line, each line starting with {@code indent}, each ending with a newline. */
    String entries(Map<String, Object> entries, String indent) {
        StringBuilder out = new StringBuilder();
        if (syntax == Syntax.JSON) {
            int i = 0;
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                out.append(indent).append(jsonEntry(e.getKey(), e.getValue(), indent));
                out.append(++i < entries.size() ? "," : "").append(newline);
            }
            return out.toString();
        }
        for (String line : yamlMap(entries, indent)) {
            out.append(line).append(newline);
        }
        return out.toString();
    }

    /** A YAML block sequence item ({@code - key: value} lines) at {@code indent}, each line ending with a newline. */
    String listItem(Object item, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : yamlList(List.of(item), indent)) {
            out.append(line).append(newline);
        }
        return out.toString();
    }

    /** A JSON value whose lines after the first start with {@code indent} plus the unit. */
    String jsonValue(Object value, String indent) {
        return json(value, indent);
    }

    /** One value written inline (a YAML flow or short form, or compact JSON). */
    String inline(Object value) {
        if (syntax == Syntax.JSON) {
            return new TemplateText(Syntax.JSON, null, newline).json(value, "");
        }
        if (value instanceof Fn fn && syntax == Syntax.YAML_SHORT) {
            return shortForm(fn);
        }
        return yamlFlow(syntax == Syntax.YAML_LONG ? longForm(value) : value);
    }

    /** {@code "key": value} in JSON, or the lines of {@code key: value} in YAML after {@code indent}. */
    String jsonEntry(String key, Object value, String indent) {
        return quote(key) + ": " + json(value, indent);
    }

    // ---- JSON

    private String json(Object value, String indent) {
        value = longForm(value);
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            if (unit == null || isFunction(map)) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, v) -> parts.add(quote((String) k) + ": " + json(v, indent)));
                return "{" + String.join(", ", parts) + "}";
            }
            String inner = indent + unit;
            StringBuilder out = new StringBuilder("{").append(newline);
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(inner).append(quote((String) e.getKey())).append(": ").append(json(e.getValue(), inner));
                out.append(++i < map.size() ? "," : "").append(newline);
            }
            return out.append(indent).append("}").toString();
        }
        if (value instanceof List<?> list) {
            if (unit == null || list.stream().allMatch(TemplateText::isScalar)) {
                List<String> parts = new ArrayList<>();
                list.forEach(v -> parts.add(json(v, indent)));
                return "[" + String.join(", ", parts) + "]";
            }
            String inner = indent + unit;
            StringBuilder out = new StringBuilder("[").append(newline);
            for (int i = 0; i < list.size(); i++) {
                out.append(inner).append(json(list.get(i), inner)).append(i + 1 < list.size() ? "," : "").append(newline);
            }
            return out.append(indent).append("]").toString();
        }
        return value instanceof Number ? value.toString() : quote((String) value);
    }

    // ---- YAML

    private List<String> yamlMap(Map<String, Object> map, String indent) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object value = syntax == Syntax.YAML_LONG ? longForm(e.getValue()) : e.getValue();
            String key = indent + e.getKey() + ":";
            if (value instanceof Map<?, ?> nested && !isFunction(nested)) {
                lines.add(key);
                lines.addAll(yamlMap(cast(nested), indent + unit));
            } else if (value instanceof Map<?, ?> function) {
                // Fn::GetAtt: [X, Arn] and the like stay on the key's line.
                lines.add(key);
                Map.Entry<?, ?> only = function.entrySet().iterator().next();
                lines.add(indent + unit + only.getKey() + ": " + yamlFlow(only.getValue()));
            } else if (value instanceof List<?> list && !list.stream().allMatch(TemplateText::isScalar)) {
                lines.add(key);
                lines.addAll(yamlList(list, indent + unit));
            } else {
                lines.add(key + " " + inline(value));
            }
        }
        return lines;
    }

    private List<String> yamlList(List<?> list, String indent) {
        List<String> lines = new ArrayList<>();
        for (Object item : list) {
            Object value = syntax == Syntax.YAML_LONG ? longForm(item) : item;
            if (value instanceof Map<?, ?> map) {
                List<String> inner = yamlMap(cast(map), indent + "  ");
                lines.add(indent + "- " + inner.get(0).substring(indent.length() + 2));
                lines.addAll(inner.subList(1, inner.size()));
            } else {
                lines.add(indent + "- " + inline(value));
            }
        }
        return lines;
    }

    private String yamlFlow(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + ": " + yamlFlow(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(yamlFlow(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Fn fn) {
            return syntax == Syntax.YAML_SHORT ? shortForm(fn) : yamlFlow(longForm(fn));
        }
        return yamlScalar(value);
    }

    private static String yamlScalar(Object value) {
        String text = value.toString();
        if (value instanceof Number || PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches()) {
            return text;
        }
        return quote(text);
    }

    private static String shortForm(Fn fn) {
        return switch (fn.name()) {
            case "Ref" -> "!Ref " + fn.argument();
            case "Fn::GetAtt" -> "!GetAtt " + String.join(".", ((List<?>) fn.argument()).stream().map(Object::toString)
                    .toList());
            default -> "!" + fn.name().substring("Fn::".length()) + " " + yamlScalar(fn.argument());
        };
    }

    private static Object longForm(Object value) {
        return value instanceof Fn fn ? map(fn.name(), fn.argument()) : value;
    }

    private static boolean isFunction(Map<?, ?> map) {
        return map.size() == 1 && map.keySet().stream().anyMatch(k -> k.equals("Ref") || ((String) k).startsWith("Fn::"));
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
