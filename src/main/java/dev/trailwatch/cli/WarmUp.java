package dev.trailwatch.cli;

import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.File;
import java.util.Locale;

/**
 * Builds the HCL grammar's tables on a second thread while the main one reads the command line and
 * the project file: a short run that reads Terraform otherwise spends a third of its time there
 * before it parses its first file. Only for a scan that will read Terraform (a named .tf, .tfvars
 * or .hcl file, or a folder); a daemon thread, so it never delays the exit; any failure is the main
 * thread's to meet again when it parses.
 */
final class WarmUp {
    private WarmUp() {}

    static void startFor(String[] args) {
        if (!readsTerraform(args)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                HclSyntax.warmUp();
            } catch (RuntimeException | StackOverflowError e) {
                // Not ours to report: the scan parses the user's files itself.
            }
        }, "trailwatch-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether a scan with these arguments will read Terraform. Only names are looked at (and
     * whether they exist: the value of an option such as {@code -f sarif} is no path).
     */
    static boolean readsTerraform(String[] args) {
        String[] command = Main.withDefaultCommand(args);
        if (!command[0].equals("scan")) {
            return false;
        }
        boolean pathNamed = false;
        for (int i = 1; i < command.length; i++) {
            String arg = command[i];
            String name = arg.toLowerCase(Locale.ROOT);
            if (name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".hcl")) {
                return true;
            }
            if (arg.startsWith("-") && !arg.equals("-")) {
                continue;
            }
            File file = new File(arg);
            if (file.isDirectory()) {
                return true;
            }
            pathNamed |= arg.equals("-") || file.exists();
        }
        return !pathNamed; // no path: the working directory
    }
}
