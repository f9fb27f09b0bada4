package dev.trailwatch.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trailwatch completion bash|zsh}: the shell completion script picocli generates from the
 * command model, so it always matches the options. The same script serves zsh through its
 * bashcompinit.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints a shell completion script: eval \"$(trailwatch completion bash)\" in ~/.bashrc;"
                + " in ~/.zshrc: autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;"
                + " eval \"$(trailwatch completion zsh)\"")
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            spec.commandLine().getErr().println("trailwatch: completion for bash or zsh, not '" + shell + "'");
            return ExitCodes.ERROR;
        }
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("trailwatch", root));
        spec.commandLine().getOut().flush();
        return ExitCodes.CLEAN;
    }
}
