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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code trailwatch} command; {@code scan} is the default subcommand. The subcommands are
 * added when the command line is run, and for a scan only {@code scan}. The top command and
 * {@code scan} are described to picocli without annotations ({@link #commandSpec}): picocli's
 * reflective model of annotated commands is most of a short run's start-up.
 */
public final class Main implements Runnable {
    private static final Set<String> TOP_LEVEL = Set.of("scan", "rules", "explain", "completion", "lsp", "help", "-h",
            "--help", "-V", "--version");
    private static final List<String> COMMANDS = List.of("scan", "rules", "explain", "completion", "lsp", "help");

    private CommandSpec spec;

    public static void main(String[] args) {
        WarmUp.startFor(args);
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
            String meant = args.length > 0 ? didYouMean(args[0]) : null;
            if (meant != null) {
                err.println("trailwatch: '" + args[0] + "' is neither a command nor a file; did you mean '" + meant
                        + "'?");
                return ExitCodes.ERROR;
            }
            String[] arguments = withDefaultCommand(args);
            CommandLine commandLine = new CommandLine(new Main().commandSpec());
            ScanCommand scan = new ScanCommand();
            scan.stdin = stdin;
            commandLine.addSubcommand(new CommandLine(scan.commandSpec()));
            if (!arguments[0].equals("scan")) {
                addOtherCommands(commandLine);
            }
            // Set after the subcommands are added: picocli passes these settings on to them.
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setExecutionExceptionHandler(
                    (exception, cmd, parseResult) -> Crashes.report(exception, err, debug));
            return commandLine.execute(arguments);
        } catch (Throwable crash) {
            return Crashes.report(crash, err, debug);
        }
    }
    /** Every command but scan (a scan builds only its own: picocli's model costs start-up time). */
    private static void addOtherCommands(CommandLine commandLine) {
        commandLine.addSubcommand(new RulesCommand());
        commandLine.addSubcommand(new ExplainCommand());
        commandLine.addSubcommand(new CompletionCommand());
        commandLine.addSubcommand(new LspCommand());
        commandLine.addSubcommand(new CommandLine.HelpCommand());
    }

    /** The whole command with every subcommand, as the man page and completion describe it. */
    static CommandLine fullCommandLine() {
        CommandLine commandLine = new CommandLine(new Main().commandSpec());
        commandLine.addSubcommand(new CommandLine(new ScanCommand().commandSpec()));
        addOtherCommands(commandLine);
        return commandLine;
    }

    /**
     * The command a first word that is no command and no existing path was probably meant to be
     * (one or two letters off, as {@code scna} or {@code rule}), else null: better than "no such file".
     */
    static String didYouMean(String first) {
        if (TOP_LEVEL.contains(first) || first.startsWith("-") || java.nio.file.Files.exists(java.nio.file.Path.of(
                first.isEmpty() || first.indexOf('\0') >= 0 ? "." : first))) {
            return null;
        }
        for (String command : COMMANDS) {
            if (distance(first, command) <= (command.length() <= 4 ? 1 : 2)) {
                return command;
            }
        }
        return null;
    }

    /** Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private CommandSpec commandSpec() {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("trailwatch");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage()
                .description("Finds AWS CloudTrail trails that do not deliver to CloudWatch Logs (CIS AWS 3.4).")
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.DESCRIPTIONS);
        addStandardHelpOptions(spec);
        return spec;
    }

    /** -h and -V, as picocli's mixinStandardHelpOptions adds them (without its reflection). */
    static void addStandardHelpOptions(CommandSpec command) {
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
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
            return new String[] {"trailwatch " + Version.VALUE,
                "Apache License 2.0; bundled libraries and their licences: NOTICE"};
        }
    }
}
