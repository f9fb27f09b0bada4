package dev.trailwatch.policy;

import dev.trailwatch.source.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A finding's identity across commits: built from its rule, its resource and its file's path
 * relative to the git root (else to a fallback folder, the baseline's), never from line numbers or
 * the folder trailwatch runs in. It is the baseline's key and SARIF's partialFingerprints.
 */
public final class Fingerprints {
    private final Path fallback;
    private final Map<Path, Path> roots = new ConcurrentHashMap<>();

    public Fingerprints(Path fallback) {
        this.fallback = fallback.toAbsolutePath().normalize();
    }

    public String of(String ruleId, Path file, String resourceAddress) {
        return of(ruleId, file, resourceAddress, null);
    }

    /** With an aspect, for a rule that can report several things about one resource. */
    public String of(String ruleId, Path file, String resourceAddress, String aspect) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root(absolute.getParent());
        String relative = (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
        return Digests.sha256(ruleId + "\n" + relative + "\n" + resourceAddress + (aspect == null ? "" : "\n" + aspect))
                .substring(0, 32);
    }

    private Path root(Path folder) {
        if (folder == null) {
            return fallback;
        }
        return roots.computeIfAbsent(folder, f -> {
            for (Path p = f; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve(".git"))) {
                    return p;
                }
            }
            return fallback;
        });
    }
}
