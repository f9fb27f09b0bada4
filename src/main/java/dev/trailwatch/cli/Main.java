package dev.trailwatch.cli;

import dev.trailwatch.Version;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trailwatch} command; {@code scan} is the default subcommand. The subcommands are
 * added when the command line is run, and for a scan only {@code scan}: picocli builds each
 * command's model by reflection, which is most of a short run's start-up.
 */
@Command(name = "trailwatch", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Finds AWS CloudTrail trails that do not deliver to CloudWatch Logs (CIS AWS 3.4).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage error, or an input that could not be read or parsed"})
public final class Main implements Runnable {
    private static final Set<String> TOP_LEVEL = Set.of("scan", "rules", "explain", "help", "-h", "--help", "-V",
            "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.in);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line with the given streams; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin) {
        String[] arguments = withDefaultCommand(args);
        CommandLine commandLine = new CommandLine(new Main());
        ScanCommand scan = new ScanCommand();
        scan.stdin = stdin;
        commandLine.addSubcommand(scan);
        if (!arguments[0].equals("scan")) {
            commandLine.addSubcommand(new RulesCommand());
            commandLine.addSubcommand(new ExplainCommand());
            commandLine.addSubcommand(new CommandLine.HelpCommand());
        }
        // Set after the subcommands are added: picocli passes these settings on to them.
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            err.println("trailwatch: " + exception.getMessage());
            return ExitCodes.ERROR;
        });
        return commandLine.execute(arguments);
    }

    /** {@code trailwatch PATH} means {@code trailwatch scan PATH}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && TOP_LEVEL.contains(args[0])) {
            return args;
        }
        List<String> withScan = new ArrayList<>(args.length + 1);
        withScan.add("scan");
        withScan.addAll(List.of(args));
        return withScan.toArray(new String[0]);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"trailwatch " + Version.VALUE};
        }
    }
}
