package dev.trailwatch.report;

import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** One output format. Reports know nothing of file formats or rules beyond what a finding carries. */
public interface Report {
    void write(ScanResult result, Writer out) throws IOException;

    /**
     * Whether the report shows findings' fingerprints: a scan computes them only then (or for a
     * baseline), as the first SHA-256 of a run costs it about 0.013 s of start-up.
     */
    default boolean showsFingerprints() {
        return false;
    }
}
