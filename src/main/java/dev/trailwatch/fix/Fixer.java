package dev.trailwatch.fix;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import dev.trailwatch.source.DisplayPaths;
import dev.trailwatch.source.InputError;
import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans, checks and applies the fixes for a scan's findings, file by file. A file's fixed text is
 * scanned again (parsed, every rule run, suppressions applied) before it is kept: it must parse,
 * and the findings fixed must be gone with no new TW001-TW003 on the fixed resources; otherwise
 * the file is left untouched and the reason given.
 */
public final class Fixer {
    /** The rules whose findings have fixes. */
    public static final Set<String> FIXED_RULES = Set.of("TW001", "TW002", "TW003");
    private static final Set<String> INTEGRATION_RULES = Set.of("TW001", "TW002", "TW003");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Scans a file's text as if it were saved, with the rest of its folder from disk. */
    public interface Rescan {
        ScanResult scan(SourceFile edited);
    }

    /**
     * What happened to one file: the fixes applied (or that would be), the diff, the findings left
     * and why, and, when the file was left untouched, the reason.
     */
    public record FileResult(String file, List<Fix> applied, String diff, List<FilePlan.NotFixed> notFixed,
            String refused) {}

    private final DisplayPaths paths;
    private final Rescan rescan;
    private final AtomicFile writer;

    public Fixer(DisplayPaths paths, Rescan rescan) {
        this(paths, rescan, new AtomicFile());
    }

    Fixer(DisplayPaths paths, Rescan rescan, AtomicFile writer) {
        this.paths = paths;
        this.rescan = rescan;
        this.writer = writer;
    }

    /** The findings a fix may be offered for: TW001 to TW003 that no suppression or baseline silences. */
    public static boolean fixable(Finding finding) {
        return !finding.isSuppressed() && FIXED_RULES.contains(finding.ruleId());
    }

    /** Fixes every fixable finding of a scan; {@code write} false only computes the diffs. */
    public List<FileResult> fix(ScanResult result, boolean write) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        // A trail in a called module whose empty value comes from its caller's module block is fixed there.
        Map<String, Map<ModuleArguments.Target, List<Finding>>> byCaller = new LinkedHashMap<>();
        ModuleArguments callers = new ModuleArguments(paths);
        Map<Finding, ModuleArguments.Target> targets = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            if (fixable(f)) {
                ModuleArguments.Target target = callers.target(f);
                if (target == null) {
                    byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
                } else {
                    targets.put(f, target);
                }
            }
        }
        // One result per file: a caller that has findings of its own is named as the scan names it.
        Map<Path, String> names = new LinkedHashMap<>();
        byFile.keySet().forEach(file -> names.put(absolute(file), file));
        targets.forEach((f, target) -> {
            String file = names.computeIfAbsent(absolute(target.callerFile()), k -> target.callerFile());
            byFile.computeIfAbsent(file, k -> new ArrayList<>());
            byCaller.computeIfAbsent(file, k -> new LinkedHashMap<>()).computeIfAbsent(target, k -> new ArrayList<>())
                    .add(f);
        });
        List<FileResult> results = new ArrayList<>();
        byFile.forEach((file, findings) -> results.add(fixFile(file, findings,
                byCaller.getOrDefault(file, Map.of()), result, write)));
        return results;
    }

    /**
     * The fixes for one file's findings, as structured edits of its current text (what a language
     * server offers as code actions), without checking them.
     */
    public static FilePlan plan(String file, Path path, String text, List<Finding> findings) throws InputException {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tf")) {
            return TerraformFixes.plan(file, path, text, findings);
        }
        if (lower.endsWith(".tf.json") || lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")) {
            return new FilePlan(file, List.of(), List.of(), findings.stream().map(f -> new FilePlan.NotFixed(f,
                    "Terraform JSON and variable files are not fixed automatically")).toList());
        }
        return CloudFormationFixes.plan(file, text, findings);
    }

    private FileResult fixFile(String file, List<Finding> own, Map<ModuleArguments.Target, List<Finding>> callees,
            ScanResult before, boolean write) {
        List<Finding> findings = new ArrayList<>(own);
        callees.values().forEach(findings::addAll);
        Path path = paths.workingDirectory().resolve(file);
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(path);
            if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF || bytes[0] == 0)) {
                return refused(file, findings, "not UTF-8");
            }
            text = SourceFile.decodeUtf8(bytes);
        } catch (IOException e) {
            return refused(file, findings, "cannot read it: " + e.getMessage());
        } catch (InputException e) {
            return refused(file, findings, e.getMessage());
        }
        FilePlan plan;
        try {
            plan = callees.isEmpty() ? plan(file, path, text, own)
                    : TerraformFixes.plan(file, path, text, own, callees);
        } catch (InputException e) {
            return refused(file, findings, "it does not parse" + at(e));
        }
        if (plan.isEmpty()) {
            return new FileResult(file, List.of(), "", plan.notFixed(), null);
        }
        // Two trails sharing a role need its statement once: equal edits are applied once.
        // All the fixes at once; when the result cannot be kept, each trail's fix on its own (its
        // variant with new resources next), keeping those that pass.
        List<Fix> kept = new ArrayList<>();
        // Each refused fix keeps its own reason: a trail is never refused for another's leftover finding.
        Map<Fix, String> problems = new LinkedHashMap<>();
        String problem = attempt(file, path, text, plan.fixes(), before);
        if (problem == null) {
            kept.addAll(plan.fixes());
        } else {
            for (int i = 0; i < plan.fixes().size(); i++) {
                List<Fix> variants = plan.fallback().isEmpty() ? List.of(plan.fixes().get(i))
                        : List.of(plan.fixes().get(i), plan.fallback().get(i));
                for (Fix variant : variants) {
                    List<Fix> trial = new ArrayList<>(kept);
                    trial.add(variant);
                    String trialProblem = attempt(file, path, text, trial, before);
                    if (trialProblem == null) {
                        kept.add(variant);
                        problems.remove(plan.fixes().get(i));
                        break;
                    }
                    problems.put(plan.fixes().get(i), trialProblem);
                }
            }
        }
        List<FilePlan.NotFixed> notFixed = new ArrayList<>(plan.notFixed());
        if (kept.isEmpty() && plan.fixes().size() == 1 && callees.isEmpty()) {
            return new FileResult(file, List.of(), "", notFixed, problems.getOrDefault(plan.fixes().get(0), problem));
        }
        for (Map.Entry<Fix, String> refused : problems.entrySet()) {
            for (Finding f : findings) {
                if (isAbout(refused.getKey(), f)) {
                    notFixed.add(new FilePlan.NotFixed(f, refused.getValue()));
                }
            }
        }
        if (kept.isEmpty()) {
            return new FileResult(file, List.of(), "", notFixed, null);
        }
        List<TextEdit> edits = kept.stream().flatMap(f -> f.edits().stream()).distinct().toList();
        String fixed = SourceText.apply(text, edits);
        String diff = UnifiedDiff.of(file, text, edits);
        if (write) {
            boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                    && bytes[2] == UTF8_BOM[2];
            byte[] body = fixed.getBytes(StandardCharsets.UTF_8);
            try {
                writer.write(path, bom ? concat(UTF8_BOM, body) : body);
            } catch (IOException | RuntimeException e) {
                return refused(file, findings, "cannot write it: " + e.getMessage());
            }
        }
        return new FileResult(file, kept, diff, notFixed, null);
    }

    /** Why these fixes together cannot be kept, or null when they can. */
    private String attempt(String file, Path path, String text, List<Fix> fixes, ScanResult before) {
        List<TextEdit> edits = fixes.stream().flatMap(f -> f.edits().stream()).distinct().toList();
        try {
            return check(file, path, SourceText.apply(text, edits), fixes, before);
        } catch (IllegalArgumentException e) {
            return "its fixes overlap";
        }
    }

    /** Why a fixed text cannot be kept, or null when it can. */
    private String check(String file, Path path, String fixed, List<Fix> fixes, ScanResult before) {
        ScanResult after = rescan.scan(new SourceFile(path, file, fixed));
        for (InputError error : after.errors()) {
            if (error.file().equals(file)) {
                return "the fixed file would not parse: " + file + (error.position() == null ? ""
                        : ":" + error.position().line() + ":" + error.position().column()) + ": " + error.message();
            }
        }
        for (Fix fix : fixes) {
            for (Finding f : after.reported()) {
                // A fix in a caller is about a trail in another file: its module address says which.
                boolean inScope = f.location().file().equals(file) || fix.address().startsWith("module.");
                if (!INTEGRATION_RULES.contains(f.ruleId()) || !inScope || !isAbout(fix, f)) {
                    continue;
                }
                boolean wasThere = before.reported().stream().anyMatch(b -> b.ruleId().equals(f.ruleId())
                        && b.resource().address().equals(f.resource().address()));
                if (fix.ruleIds().contains(f.ruleId()) || !wasThere) {
                    return "the fixed file would still have " + f.ruleId() + " on " + f.resource().address() + ": "
                            + f.message();
                }
            }
        }
        return null;
    }

    /** Whether a finding is on the resource a fix changes (a Terraform address may carry a module and an index). */
    static boolean isAbout(Fix fix, Finding finding) {
        Finding.ResourceRef r = finding.resource();
        if (fix.address().startsWith("module.")) {
            return fix.address().equals(withoutIndexes(r.address()));
        }
        return fix.address().equals(r.name()) && !r.address().contains(".")
                || fix.address().equals(r.type() + "." + r.name());
    }

    private Path absolute(String file) {
        return paths.workingDirectory().resolve(file).toAbsolutePath().normalize();
    }

    /** A resource's address without its modules' and its own instance keys: one fix covers every instance. */
    static String withoutIndexes(String address) {
        return address.replaceAll("\\[[^\\]]*]", "");
    }

    /**
     * This file left untouched for {@code reason}; the findings of trails in other files (modules it
     * calls) are listed with it, as the file's line does not name them.
     */
    private static FileResult refused(String file, List<Finding> findings, String reason) {
        return new FileResult(file, List.of(), "", findings.stream().filter(f -> !f.location().file().equals(file))
                .map(f -> new FilePlan.NotFixed(f, reason)).toList(), reason);
    }

    private static String at(InputException e) {
        return e.position() == null ? ": " + e.getMessage()
                : " (" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage() + ")";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
