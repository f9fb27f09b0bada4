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

/** The {@code trailwatch} command; {@code scan} is the default subcommand. */
@Command(name = "trailwatch", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Finds AWS CloudTrail trails that do not deliver to CloudWatch Logs (CIS AWS 3.4).",
        subcommands = {ScanCommand.class, RulesCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class},
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

    /**
     * Runs a command line with the given streams; never throws. A crash anywhere (out of memory,
     * stack overflow, a defect of ours) is one line on standard error and exit code 2.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin) {
        boolean debug = Crashes.debug(args);
        try {
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler(
                    (exception, cmd, parseResult) -> Crashes.report(exception, err, debug));
            ScanCommand scan = commandLine.getSubcommands().get("scan").getCommand();
            scan.stdin = stdin;
            return commandLine.execute(withDefaultCommand(args));
        } catch (Throwable crash) {
            return Crashes.report(crash, err, debug);
        }
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
