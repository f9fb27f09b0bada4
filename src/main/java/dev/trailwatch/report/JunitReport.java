package dev.trailwatch.report;

import dev.trailwatch.rules.Finding;
import dev.trailwatch.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, as CI servers show test results: one test case per trail and rule, failing with the
 * finding's message and position. Input errors are one failing case each.
 */
public final class JunitReport implements Report {
    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        Map<String, Finding> failures = new LinkedHashMap<>();
        for (Finding f : result.reported()) {
            failures.putIfAbsent(key(f.ruleId(), f.location().file(), f.resource().address()), f);
        }
        List<String[]> cases = new ArrayList<>();
        for (ScanResult.Check check : result.checks()) {
            cases.add(new String[] {check.ruleId(), check.file(), check.address()});
        }
        for (Finding f : result.reported()) {
            String[] c = {f.ruleId(), f.location().file(), f.resource().address()};
            if (cases.stream().noneMatch(x -> key(x[0], x[1], x[2]).equals(key(c[0], c[1], c[2])))) {
                cases.add(c); // a finding about no trail (TW100)
            }
        }
        int failed = failures.size() + result.errors().size();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"trailwatch\" tests=\"" + (cases.size() + result.errors().size())
                + "\" failures=\"" + failed + "\">\n");
        out.write("  <testsuite name=\"trailwatch\" tests=\"" + (cases.size() + result.errors().size())
                + "\" failures=\"" + failed + "\" errors=\"0\" skipped=\"0\">\n");
        for (String[] c : cases) {
            out.write("    <testcase classname=\"" + Xml.escape(c[1]) + "\" name=\"" + Xml.escape(c[0] + " " + c[2])
                    + "\"");
            Finding f = failures.get(key(c[0], c[1], c[2]));
            if (f == null) {
                out.write("/>\n");
                continue;
            }
            String where = f.location().file() + ":" + f.location().line() + ":" + f.location().column();
            out.write(">\n      <failure type=\"" + f.ruleId() + "\" message=\"" + Xml.escape(f.message()) + "\">"
                    + Xml.escape(where + ": " + f.severity().label() + " " + f.ruleId() + " " + f.message())
                    + "</failure>\n    </testcase>\n");
        }
        for (var e : result.errors()) {
            String where = e.position() == null ? e.file() : e.file() + ":" + e.position().line() + ":"
                    + e.position().column();
            out.write("    <testcase classname=\"" + Xml.escape(e.file()) + "\" name=\"input\">\n      <failure"
                    + " type=\"input-error\" message=\"" + Xml.escape(e.message()) + "\">" + Xml.escape(where + ": "
                    + e.message()) + "</failure>\n    </testcase>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static String key(String rule, String file, String address) {
        return rule + "\u0000" + file + "\u0000" + address;
    }
}
