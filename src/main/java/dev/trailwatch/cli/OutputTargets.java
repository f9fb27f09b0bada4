package dev.trailwatch.cli;

import dev.trailwatch.cloudformation.CloudFormationInput;
import dev.trailwatch.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files trailwatch writes (the report, the baseline) never replace an input of the scan: a
 * Terraform file, a template or plan, or a file named by an option such as {@code --config}. A
 * JSON file that was scanned but is no template (a previous report, say) may be overwritten.
 */
final class OutputTargets {
    private OutputTargets() {}

    /**
     * The message when {@code -o} or {@code --write-baseline} names an input; null when neither
     * does. The baseline read by {@code --baseline} may be rewritten by {@code --write-baseline}.
     */
    static String overwrittenInput(Path output, Path writeBaseline, List<Path> scanned, List<Path> sideFiles,
            Path baseline) {
        String problem = check("-o", output, scanned, sideFiles, null);
        if (problem == null) {
            problem = check("--write-baseline", writeBaseline, scanned, sideFiles, baseline);
        }
        if (problem == null && output != null && writeBaseline != null && same(output, writeBaseline)) {
            problem = "-o and --write-baseline name the same file, " + output + "; nothing written";
        }
        return problem;
    }

    private static String check(String option, Path target, List<Path> scanned, List<Path> sideFiles, Path allowed) {
        if (target == null || !Files.exists(target)) {
            return null;
        }
        for (Path side : sideFiles) {
            if (side != null && !side.equals(allowed) && same(target, side)) {
                return option + " names " + target + ", which this scan reads; not overwritten";
            }
        }
        Path name = target.getFileName();
        for (Path file : scanned) {
            if (name != null && name.equals(file.getFileName()) && same(target, file) && isInput(file)) {
                return option + " names " + target + ", an input of this scan; not overwritten";
            }
        }
        return null;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Terraform's files by name; JSON and YAML when their beginning marks a template or a plan. */
    private static boolean isInput(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tf") || lower.endsWith(".tf.json") || lower.endsWith(".tfvars")
                || lower.endsWith(".tfvars.json") || lower.endsWith(".hcl")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(CloudFormationInput.SNIFF_CHARS), StandardCharsets.UTF_8);
            return CloudFormationInput.marksTemplate(head)
                    || head.contains("\"format_version\"") && head.contains("\"planned_values\"");
        } catch (IOException e) {
            return true; // cannot tell: keep it
        }
    }

    /** Why a file could not be written, in words. */
    static String reason(Path target, IOException e) {
        Path parent = target.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return "the folder " + (target.getParent() == null ? parent : target.getParent()) + " does not exist";
        }
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return InputFiles.reason(e).replace("cannot be read: ", "");
    }
}
