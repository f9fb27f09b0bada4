package dev.trailwatch.suppress;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.source.Glob;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.InputFiles;
import dev.trailwatch.source.Position;
import dev.trailwatch.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project file, {@code .trailwatch.yml}: rules switched off or given another severity,
 * excludes, fail-on, and suppressions kept outside the code. Command-line options win over it.
 * An unknown key is an error at its position.
 *
 * <pre>
 * fail-on: warning
 * exclude: [examples/**]
 * rules:
 *   TW004: off          # or error, warning, note
 * suppressions:
 *   - id: TW001          # or ids: [TW001, TW002]
 *     resource: aws_cloudtrail.legacy
 *     file: legacy/**     # optional glob
 *     reason: replaced in Q3
 *     expires: 2026-12-31 # optional
 * </pre>
 */
public record ProjectConfig(Path file, String failOn, List<String> excludes, Map<String, String> ruleSettings,
        List<Suppression> suppressions) {
    public static final String NAME = ".trailwatch.yml";
    private static final Set<String> TOP_LEVEL = Set.of("fail-on", "exclude", "rules", "suppressions");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("id", "ids", "resource", "file", "reason", "expires");
    private static final Set<String> SETTINGS = Set.of("off", "error", "warning", "note");
    private static final Set<String> FAIL_ON = Set.of("error", "warning", "note", "never");

    public static ProjectConfig none() {
        return new ProjectConfig(null, null, List.of(), Map.of(), List.of());
    }

    /** The nearest .trailwatch.yml from the folder up to the git root (or the file system's root). */
    public static Path find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(NAME))) {
                return p.resolve(NAME);
            }
            if (Files.exists(p.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    public static ProjectConfig read(Path path, String shown, Set<String> knownRules) throws InputException {
        SourceFile file = SourceFile.decode(path, shown, InputFiles.read(path, InputFiles.PROJECT_FILE));
        Value root = DocumentParser.parseYaml(file.text());
        if (root == null) {
            return new ProjectConfig(path, null, List.of(), Map.of(), List.of());
        }
        if (!(root instanceof Value.MapValue map)) {
            throw new InputException("the project file must be a mapping", root.range().start());
        }
        String failOn = null;
        List<String> excludes = new ArrayList<>();
        Map<String, String> rules = new LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Value.Entry entry : map.entries().values()) {
            switch (entry.key()) {
                case "fail-on" -> {
                    failOn = text(entry.value());
                    if (!FAIL_ON.contains(failOn)) {
                        throw new InputException("fail-on is error, warning, note or never, not '" + failOn + "'",
                                entry.value().range().start());
                    }
                }
                case "exclude" -> {
                    for (Value item : list(entry.value())) {
                        excludes.add(glob(file, item));
                    }
                }
                case "rules" -> {
                    if (!(entry.value() instanceof Value.MapValue ruleMap)) {
                        throw new InputException("rules is a mapping of rule ids to off, error, warning or note",
                                entry.value().range().start());
                    }
                    for (Value.Entry rule : ruleMap.entries().values()) {
                        // YAML 1.1 reads a bare off as false.
                        String setting = rule.value() instanceof Value.Bool b && !b.value() ? "off" : text(rule.value());
                        if (!knownRules.contains(rule.key())) {
                            throw new InputException("unknown rule '" + rule.key() + "'", rule.keyRange().start());
                        }
                        if (!SETTINGS.contains(setting)) {
                            throw new InputException("a rule is off, error, warning or note, not '" + setting + "'",
                                    rule.value().range().start());
                        }
                        rules.put(rule.key(), setting);
                    }
                }
                case "suppressions" -> {
                    for (Value item : list(entry.value())) {
                        suppressions.add(suppression(file, item));
                    }
                }
                default -> throw new InputException("unknown key '" + entry.key() + "'; known: exclude, fail-on, rules,"
                        + " suppressions", entry.keyRange().start());
            }
        }
        return new ProjectConfig(path, failOn, List.copyOf(excludes), Map.copyOf(rules), List.copyOf(suppressions));
    }

    private static Suppression suppression(SourceFile file, Value item) throws InputException {
        if (!(item instanceof Value.MapValue m)) {
            throw new InputException("a suppression is a mapping with id, resource, reason", item.range().start());
        }
        for (Value.Entry e : m.entries().values()) {
            if (!SUPPRESSION_KEYS.contains(e.key())) {
                throw new InputException("unknown key '" + e.key() + "' in a suppression; known: expires, file, id,"
                        + " ids, reason, resource", e.keyRange().start());
            }
        }
        List<String> ids = new ArrayList<>();
        if (m.get("id") != null) {
            ids.add(text(m.get("id")));
        }
        if (m.get("ids") != null) {
            for (Value id : list(m.get("ids"))) {
                ids.add(text(id));
            }
        }
        String expiresText = m.get("expires") == null ? null : text(m.get("expires"));
        LocalDate expires = null;
        try {
            expires = expiresText == null ? null : LocalDate.parse(expiresText);
        } catch (DateTimeParseException e) {
            expires = null; // reported as TW100
        }
        return new Suppression(Suppression.Kind.CONFIG, List.copyOf(ids),
                m.get("resource") == null ? null : text(m.get("resource")),
                m.get("file") == null ? null : glob(file, m.get("file")),
                m.get("reason") == null ? null : text(m.get("reason")), expires, expiresText,
                file.locate(item.range()));
    }

    /** A glob, checked here so that an invalid one is reported at its own position. */
    private static String glob(SourceFile file, Value value) throws InputException {
        String glob = text(value);
        try {
            Glob.check(glob);
            return glob;
        } catch (Glob.InvalidGlobException e) {
            Position start = value.range().start();
            String written = file.text(value.range());
            int quote = !written.isEmpty() && (written.charAt(0) == '"' || written.charAt(0) == '\'') ? 1 : 0;
            throw new InputException("invalid glob '" + glob + "': " + e.getMessage(),
                    new Position(start.line(), start.column() + quote + e.index()));
        }
    }

    private static String text(Value value) throws InputException {
        String text = Values.scalarText(value);
        if (text == null) {
            throw new InputException("expected a plain value", value.range().start());
        }
        return text;
    }

    private static List<Value> list(Value value) throws InputException {
        if (value instanceof Value.ListValue l) {
            return l.items();
        }
        throw new InputException("expected a list", value.range().start());
    }
}
