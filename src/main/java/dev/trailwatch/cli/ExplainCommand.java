package dev.trailwatch.cli;

import dev.trailwatch.rules.Rule;
import dev.trailwatch.rules.Rules;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a rule: why it matters and how to fix a finding.")
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "RULE_ID", description = "for example TW001")
    String ruleId;

    @Override
    public Integer call() {
        for (Rule rule : Rules.all()) {
            if (rule.metadata().id().equals(ruleId.toUpperCase(Locale.ROOT))) {
                String text = rule.metadata().explanation();
                spec.commandLine().getOut().print(text != null ? text : rule.metadata().summary() + "\n");
                spec.commandLine().getOut().flush();
                return ExitCodes.CLEAN;
            }
        }
        spec.commandLine().getErr().println("trailwatch: unknown rule '" + ruleId + "'; `trailwatch rules` lists them");
        return ExitCodes.ERROR;
    }
}
