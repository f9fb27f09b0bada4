package dev.trailwatch.cli;

import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.Rules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the rules.")
final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-6s  %-8s  %-40s  %s%n", "ID", "SEVERITY", "SUMMARY", "SAME CHECK ELSEWHERE");
        for (Rule rule : Rules.all()) {
            RuleMetadata m = rule.metadata();
            out.printf("%-6s  %-8s  %s%n%-6s  %-8s  peers: %s; controls: %s%n", m.id(), m.severity().label(),
                    m.summary(), "", "", String.join(", ", m.peerIds()), String.join(", ", m.tags()));
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
