package dev.trailwatch.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each evaluation budget, exceeded, is one error at the construct that exceeded it (here with small
 * limits given by --limit; HostileInputTest runs the giant inputs against the defaults).
 */
class BudgetTest {
    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String only(Cli.Run run) {
        assertEquals(ExitCodes.ERROR, run.exitCode(), run.err());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        return lines.get(0);
    }

    @Test
    void moduleFanOutStopsAtTheModuleInstanceBudget() throws IOException {
        for (int i = 0; i < 6; i++) {
            write("m" + i + "/main.tf", "module \"a\" {\n  source = \"../m" + (i + 1) + "\"\n}\nmodule \"b\" {\n"
                    + "  source = \"../m" + (i + 1) + "\"\n}\n");
        }
        write("m6/main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n");
        String line = only(Cli.run("scan", "-q", "--limit", "module-instances=20", temp.resolve("m0").toString()));
        assertTrue(line.matches(".*m[0-9]/main\\.tf:[14]:1: error: module call expands to more than 20 module"
                + " instances in this configuration \\(--limit module-instances=N\\)"), line);
    }

    @Test
    void forEachOverTheInstanceBudgetIsAnErrorAtForEach() throws IOException {
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            map.append("    k").append(i).append(" = \"v\"\n");
        }
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  for_each = {\n" + map + "  }\n  name = each.key\n}\n");
        assertEquals(temp.resolve("main.tf") + ":2:3: error: for_each expands to 12 instances, more than 10"
                + " (--limit instances=N)", only(Cli.run("scan", "-q", "--limit", "instances=10", temp.toString())));
    }

    @Test
    void aLiteralCountOverTheInstanceBudgetIsAnErrorAtCount() throws IOException {
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  count = 5000\n  name = \"t\"\n}\n");
        assertEquals(temp.resolve("main.tf") + ":2:3: error: count expands to 5000 instances, more than 1000"
                + " (--limit instances=N)", only(Cli.run("scan", "-q", temp.toString())));
    }

    @Test
    void aValueOverTheSizeBudgetIsAnErrorAtItsExpression() throws IOException {
        write("main.tf", "locals {\n  l0 = [\"x\"]\n  l1 = [local.l0, local.l0]\n  l2 = [local.l1, local.l1]\n"
                + "  l3 = [local.l2, local.l2]\n  f = flatten(local.l3)\n}\n"
                + "resource \"aws_cloudtrail\" \"t\" {\n  name = length(local.f)\n}\n");
        String line = only(Cli.run("scan", "-q", "--limit", "value-size=10", temp.toString()));
        assertEquals(temp.resolve("main.tf") + ":4:8: error: a value of more than 10 elements (--limit value-size=N)",
                line);
    }

    @Test
    void aStringOverTheLengthBudgetIsAnErrorAtItsExpression() throws IOException {
        write("main.tf", "locals {\n  s0 = \"0123456789\"\n  s1 = \"${local.s0}${local.s0}\"\n"
                + "  s2 = \"${local.s1}${local.s1}\"\n}\nresource \"aws_cloudtrail\" \"t\" {\n  name = local.s2\n}\n");
        assertEquals(temp.resolve("main.tf") + ":4:8: error: a string of 40 characters, more than 30"
                + " (--limit string-length=N)", only(Cli.run("scan", "-q", "--limit", "string-length=30",
                        temp.toString())));
    }

    @Test
    void evaluationStepsAreBounded() throws IOException {
        write("main.tf", "locals {\n  n = [for a in [1, 2, 3, 4, 5, 6, 7, 8, 9] : [for b in [1, 2, 3, 4, 5, 6, 7, 8, 9]"
                + " : a + b]]\n}\nresource \"aws_cloudtrail\" \"t\" {\n  name = length(local.n)\n}\n");
        String line = only(Cli.run("scan", "-q", "--limit", "evaluation-steps=100", temp.toString()));
        assertTrue(line.startsWith(temp.resolve("main.tf") + ":2:"), line);
        assertTrue(line.endsWith(": error: evaluating this configuration takes more than 100 steps"
                + " (--limit evaluation-steps=N)"), line);
        // The same configuration within the default budget is evaluated.
        Cli.Run fine = Cli.run("scan", "-q", temp.toString());
        assertEquals(ExitCodes.FINDINGS, fine.exitCode(), fine.err());
    }

    @Test
    void anUnknownLimitIsAUsageError() {
        Cli.Run run = Cli.run("scan", "-q", "--limit", "loops=3", "testdata/terraform/basic");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals("trailwatch: --limit: unknown limit 'loops'; known: module-instances, instances, value-size,"
                + " string-length, evaluation-steps", run.err().strip());
    }

    @Test
    void numbersBeyondTheBoundAreAnErrorAtTheirPosition() throws IOException {
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = 1e999999999 + 1\n}\n");
        assertEquals(temp.resolve("main.tf") + ":2:10: error: number 1e999999999 is out of range: trailwatch reads"
                + " numbers up to 1e1000 in magnitude (and down to 1e-1000)", only(Cli.run("scan", "-q",
                        temp.toString())));
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = -0.0000e-999999999999999\n}\n");
        Cli.Run zero = Cli.run("scan", "-q", temp.toString());
        assertEquals(ExitCodes.FINDINGS, zero.exitCode(), "zero is in range however it is written: " + zero.err());
        write("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = 1e600 * 1e600\n}\n");
        Cli.Run product = Cli.run("scan", "-q", temp.toString());
        assertEquals(ExitCodes.FINDINGS, product.exitCode(), "a product past the bound is not known: " + product.err());
    }

    @Test
    void aModuleCycleThroughSymbolicLinksIsFoundAtTheCall() throws IOException {
        write("root/main.tf", "module \"a\" {\n  source = \"./l1\"\n}\nresource \"aws_cloudtrail\" \"t\" {\n"
                + "  name = \"t\"\n}\n");
        Files.createSymbolicLink(temp.resolve("root/l1"), Path.of("."));
        Cli.Run run = Cli.run("scan", "-q", temp.resolve("root/main.tf").toString());
        assertEquals(ExitCodes.ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains(temp.resolve("root/main.tf") + ":2:3: error: module a calls "
                + temp.resolve("root/l1") + " (" + temp.resolve("root") + ", through a symbolic link), which is"
                + " already calling it: a cycle of module calls"), run.err());
    }

    @Test
    void aRaisedInstanceLimitGivesEveryInstanceItsAddress(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_cloudtrail\" \"t\" {\n  count = 1500\n  name = \"t\"\n}\n");
        Cli.Run run = Cli.run("scan", "-q", "--limit", "instances=2000", dir.toString());
        assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.err());
        assertEquals(1500, run.outLines().size());
        assertTrue(run.outLines().stream().anyMatch(l -> l.contains("aws_cloudtrail.t[1499] is not integrated")),
                run.outLines().get(0));
    }
}
