package dev.trailwatch.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * What a crash looks like to the user: one line on standard error and exit code 2, never a stack
 * trace and never exit code 1 (which every CI system reads as "findings"). {@code --debug} adds
 * the stack trace.
 */
final class Crashes {
    static final String DEBUG = "--debug";

    private Crashes() {}

    /** Whether the command line asks for stack traces (looked up in the raw arguments, as parsing may fail). */
    static boolean debug(String[] args) {
        return args != null && List.of(args).contains(DEBUG);
    }

    /** Reports a throwable that escaped a command; returns the exit code. */
    static int report(Throwable crash, PrintWriter err, boolean debug) {
        try {
            err.println("trailwatch: " + describe(crash));
            if (debug) {
                crash.printStackTrace(err);
            }
            err.flush();
        } catch (Throwable again) {
            // Nothing more can be said (for example, memory is still exhausted); the exit code still holds.
        }
        return ExitCodes.ERROR;
    }

    /** The one line: what happened, and what the user can do. */
    static String describe(Throwable crash) {
        if (crash instanceof OutOfMemoryError) {
            return "error: not enough memory (raise the JVM's -Xmx with TRAILWATCH_JAVA_OPTS, or lower"
                    + " --max-file-size)";
        }
        if (crash instanceof StackOverflowError) {
            return "error: input nested too deeply to analyse (stack overflow)";
        }
        String message = crash.getMessage();
        String line = crash.getClass().getName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
        return "internal error: " + line + " (run with " + DEBUG + " for the stack trace)";
    }
}
