package dev.trailwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the man page, {@code trailwatch.1} (troff), from picocli's model of the commands, so
 * that it always lists the options the program has. The build runs it (exec-maven-plugin, phase
 * prepare-package) into target/man; {@code man -l target/man/trailwatch.1} shows it.
 */
public final class ManPage {
    private ManPage() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/man/trailwatch.1");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(Main.fullCommandLine()), StandardCharsets.UTF_8);
    }

    static String render(CommandLine root) {
        StringBuilder man = new StringBuilder();
        CommandSpec spec = root.getCommandSpec();
        man.append(".TH TRAILWATCH 1 \"\" \"trailwatch ").append(escape(dev.trailwatch.Version.VALUE))
                .append("\" \"User Commands\"\n");
        man.append(".SH NAME\ntrailwatch \\- ").append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        man.append(".SH SYNOPSIS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            man.append(".B trailwatch ").append(escape(sub.getCommandName())).append("\n[\\fIOPTIONS\\fR]");
            if (!sub.getCommandSpec().positionalParameters().isEmpty()) {
                var parameter = sub.getCommandSpec().positionalParameters().get(0);
                man.append(" \\fI").append(escape(parameter.paramLabel())).append("\\fR")
                        .append(parameter.arity().max() > 1 ? "..." : "");
            }
            man.append("\n.br\n");
        }
        man.append(".SH DESCRIPTION\n").append(escape(String.join(" ", spec.usageMessage().description())))
                .append(" A first word that is no command is a path to scan: trailwatch PATH is trailwatch scan PATH.\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec command = sub.getCommandSpec();
            man.append(".SH ").append(escape(sub.getCommandName().toUpperCase(Locale.ROOT))).append('\n');
            man.append(escape(String.join(" ", command.usageMessage().description()))).append('\n');
            for (OptionSpec option : command.options()) {
                if (option.hidden()) {
                    continue;
                }
                man.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
                if (option.arity().max() > 0) {
                    man.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                }
                man.append('\n').append(escape(String.join(" ", option.description()))).append('\n');
            }
        }
        man.append(".SH EXIT STATUS\n");
        for (String code : List.of("0 nothing at or above --fail-on", "1 findings at or above --fail-on",
                "2 a usage error, or an input that could not be read or parsed")) {
            man.append(".TP\n.B ").append(code, 0, 1).append('\n').append(escape(code.substring(2))).append('\n');
        }
        man.append(".SH FILES\n.TP\n.B .trailwatch.yml\nThe project file: options, rules and suppressions"
                + " (schema/trailwatch-config.schema.json describes every key).\n");
        man.append(".SH SEE ALSO\n.BR trailwatch\\ rules ,\n.BR trailwatch\\ explain\\ ID\n");
        return man.toString();
    }

    /** Text as troff reads it literally: backslashes doubled, a leading dot or quote kept as text. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
