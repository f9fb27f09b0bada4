package dev.trailwatch.config;

import dev.trailwatch.model.Suppression;
import dev.trailwatch.document.PlainYaml;
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
 * peer-suppressions: true   # honour checkov:skip, trivy:ignore, … of the same control
 * inline-suppressions: false  # only this file's suppressions hold; comments and Metadata are TW100
 * rules:
 *   TW004: off          # or error, warning, note
 *   TW001: {severity: error, ignorable: false}   # no suppression may silence it
 * suppressions:
 *   - id: TW001          # or ids: [TW001, TW002]
 *     resource: aws_cloudtrail.legacy
 *     file: legacy/**     # optional glob
 *     reason: replaced in Q3
 *     expires: 2026-12-31 # optional
 * </pre>
 */
public record ProjectConfig(Path file, String failOn, List<String> excludes, Map<String, String> ruleSettings,
        List<Suppression> suppressions, boolean peerSuppressions, boolean inlineSuppressions, Set<String> notIgnorable,
        ScanOptions options) {
    public static final String NAME = ".trailwatch.yml";
    /** The other spelling, found as well (one per folder; .yml first). */
    public static final String OTHER_NAME = ".trailwatch.yaml";

    /**
     * The scan options the project file may set (null or empty: not set); paths are relative to
     * the project file's folder. Command-line options win over each.
     */
    public record ScanOptions(List<Path> varFiles, List<String> vars, List<Path> parameterFiles, List<String> parameters,
            Boolean strict, Path baseline, List<String> formats, Integer jobs, Long maxFileSize) {
        public static final ScanOptions NONE_SET = new ScanOptions(List.of(), List.of(), List.of(), List.of(), null, null,
                List.of(), null, null);
    }
    private static final Set<String> TOP_LEVEL = Set.of("fail-on", "exclude", "rules", "suppressions",
            "peer-suppressions", "inline-suppressions", "var-files", "vars", "parameters-files", "parameters", "strict",
            "baseline", "formats", "jobs", "max-file-size");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("id", "ids", "resource", "file", "reason", "expires");
    private static final Set<String> SETTINGS = Set.of("off", "error", "warning", "note");
    private static final Set<String> FAIL_ON = Set.of("error", "warning", "note", "never");

    public static ProjectConfig none() {
        return new ProjectConfig(null, null, List.of(), Map.of(), List.of(), false, true, Set.of(), ScanOptions.NONE_SET);
    }

    /** The nearest .trailwatch.yml from the folder up to the git root (or the file system's root). */
    public static Path find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            for (String name : List.of(NAME, OTHER_NAME)) {
                if (Files.isRegularFile(p.resolve(name))) {
                    return p.resolve(name);
                }
            }
            if (Files.exists(p.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    public static ProjectConfig read(Path path, String shown, Set<String> knownRules) throws InputException {
        SourceFile file = SourceFile.decode(path, shown, InputFiles.read(path, InputFiles.PROJECT_FILE));
        // The project file is YAML by YAML's own rules (aliases, merge keys): CloudFormation's do not apply.
        Value root = PlainYaml.parse(file.text());
        if (root == null) {
            return new ProjectConfig(path, null, List.of(), Map.of(), List.of(), false, true, Set.of(), ScanOptions.NONE_SET);
        }
        if (!(root instanceof Value.MapValue map)) {
            throw new InputException("the project file must be a mapping", root.range().start());
        }
        String failOn = null;
        List<String> excludes = new ArrayList<>();
        Map<String, String> rules = new LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        boolean peerSuppressions = false;
        boolean inlineSuppressions = true;
        Set<String> notIgnorable = new java.util.TreeSet<>();
        Path folder = path.toAbsolutePath().getParent();
        List<Path> varFiles = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        List<Path> parameterFiles = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        Boolean strict = null;
        Path baseline = null;
        List<String> formats = new ArrayList<>();
        Integer jobs = null;
        Long maxFileSize = null;
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
                        if (!knownRules.contains(rule.key())) {
                            throw new InputException("unknown rule '" + rule.key() + "'", rule.keyRange().start());
                        }
                        // TW001: warning, or TW001: {severity: warning, ignorable: false}
                        Value severity = rule.value();
                        if (rule.value() instanceof Value.MapValue options) {
                            for (Value.Entry option : options.entries().values()) {
                                if (!option.key().equals("severity") && !option.key().equals("ignorable")) {
                                    throw new InputException("unknown key '" + option.key() + "' in a rule; known:"
                                            + " ignorable, severity", option.keyRange().start());
                                }
                            }
                            severity = options.get("severity");
                            Value ignorable = options.get("ignorable");
                            if (ignorable != null && !(ignorable instanceof Value.Bool)) {
                                throw new InputException("ignorable is true or false", ignorable.range().start());
                            }
                            if (ignorable instanceof Value.Bool b && !b.value()) {
                                notIgnorable.add(rule.key());
                            }
                        }
                        if (severity == null) {
                            continue;
                        }
                        // YAML 1.1 reads a bare off as false.
                        String setting = severity instanceof Value.Bool b && !b.value() ? "off" : text(severity);
                        if (!SETTINGS.contains(setting)) {
                            throw new InputException("a rule is off, error, warning or note, not '" + setting + "'",
                                    severity.range().start());
                        }
                        rules.put(rule.key(), setting);
                    }
                }
                case "suppressions" -> {
                    for (Value item : list(entry.value())) {
                        suppressions.add(suppression(file, item));
                    }
                }
                case "var-files" -> {
                    for (Value item : list(entry.value())) {
                        varFiles.add(folder.resolve(text(item)));
                    }
                }
                case "parameters-files" -> {
                    for (Value item : list(entry.value())) {
                        parameterFiles.add(folder.resolve(text(item)));
                    }
                }
                case "vars" -> vars.addAll(assignments(entry));
                case "parameters" -> parameters.addAll(assignments(entry));
                case "strict" -> strict = bool(entry);
                case "baseline" -> baseline = folder.resolve(text(entry.value()));
                case "formats" -> {
                    for (Value item : list(entry.value())) {
                        // FORMAT or FORMAT=FILE, the file relative to this folder, as --format takes them.
                        String format = text(item);
                        int eq = format.indexOf('=');
                        formats.add(eq < 0 || format.substring(eq + 1).equals("-") ? format
                                : format.substring(0, eq + 1) + folder.resolve(format.substring(eq + 1)));
                    }
                }
                case "jobs" -> jobs = (int) number(entry, 1, 1024);
                case "max-file-size" -> maxFileSize = number(entry, 1, Long.MAX_VALUE);
                case "peer-suppressions" -> peerSuppressions = bool(entry);
                case "inline-suppressions" -> inlineSuppressions = bool(entry);
                default -> throw new InputException("unknown key '" + entry.key() + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)), entry.keyRange().start());
            }
        }
        return new ProjectConfig(path, failOn, List.copyOf(excludes), Map.copyOf(rules), List.copyOf(suppressions),
                peerSuppressions, inlineSuppressions, Set.copyOf(notIgnorable), new ScanOptions(List.copyOf(varFiles),
                List.copyOf(vars), List.copyOf(parameterFiles), List.copyOf(parameters), strict, baseline,
                List.copyOf(formats), jobs, maxFileSize));
    }

    /** {@code {NAME: VALUE, …}} as NAME=VALUE, as --var and --parameter take them. */
    private static List<String> assignments(Value.Entry entry) throws InputException {
        if (!(entry.value() instanceof Value.MapValue map)) {
            throw new InputException(entry.key() + " is a mapping of names to values", entry.value().range().start());
        }
        List<String> out = new ArrayList<>();
        for (Value.Entry e : map.entries().values()) {
            out.add(e.key() + "=" + text(e.value()));
        }
        return out;
    }

    private static long number(Value.Entry entry, long min, long max) throws InputException {
        String text = Values.scalarText(entry.value());
        try {
            long n = Long.parseLong(text == null ? "" : text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(entry.key() + " is a whole number from " + min + (max == Long.MAX_VALUE ? " up"
                : " to " + max), entry.value().range().start());
    }

    private static boolean bool(Value.Entry entry) throws InputException {
        if (!(entry.value() instanceof Value.Bool b)) {
            throw new InputException(entry.key() + " is true or false", entry.value().range().start());
        }
        return b.value();
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
