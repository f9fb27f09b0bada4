package dev.trailwatch.cli;

import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.RuleMetadata;
import dev.trailwatch.rules.Rules;
import java.io.PrintWriter;
import java.util.List;
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
            // Controls are the versioned tags (CIS-AWS-1.4.0/3.4); "security" and the like are not.
            List<String> controls = m.tags().stream().filter(t -> t.contains("/")).toList();
            String peers = m.peerIds().isEmpty() ? "none (trailwatch's own check)" : String.join(", ", m.peerIds());
            out.printf("%-6s  %-8s  %s%n%-6s  %-8s  peers: %s%s%n", m.id(), m.severity().label(), m.summary(), "", "",
                    peers, controls.isEmpty() ? "" : "; controls: " + String.join(", ", controls));
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
