package dev.trailwatch.terraform.functions;

import dev.trailwatch.model.Value;
import java.util.Map;

/** basename() and dirname(), on slash-separated paths as Terraform on Linux reads them. */
final class FilesystemFunctions {
    private FilesystemFunctions() {}

    static Map<String, TerraformFunction> all() {
        return Map.of("basename", args -> new Value.Text(basename(args.text(0)), args.range()),
                "dirname", args -> new Value.Text(dirname(args.text(0)), args.range()));
    }

    private static String basename(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.isEmpty() ? (path.isEmpty() ? "." : "/") : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String dirname(String path) {
        int slash = path.replaceAll("/+$", "").lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
    }
}
