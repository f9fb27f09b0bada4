package dev.trailwatch.report;

import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** One output format. Reports know nothing of file formats or rules beyond what a finding carries. */
public interface Report {
    void write(ScanResult result, Writer out) throws IOException;
}
