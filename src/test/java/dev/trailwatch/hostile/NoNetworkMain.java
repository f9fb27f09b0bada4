package dev.trailwatch.hostile;

import dev.trailwatch.cli.Main;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.security.Permission;

/**
 * Runs the command line under a security manager that records, and refuses, every attempt to
 * resolve a host name, open or accept a connection, or start a process (Java 17 still has the
 * hooks). Each attempt is one "FORBIDDEN" line on standard error, whatever the code does with the
 * exception it gets.
 */
public final class NoNetworkMain {
    private NoNetworkMain() {}

    /** What the guard must catch: a name lookup, a connection and a process. */
    private static void probe() {
        try {
            java.net.InetAddress.getByName("localhost");
        } catch (Exception e) {
            // recorded by the guard
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 9));
        } catch (Exception e) {
            // recorded by the guard
        }
        try {
            new ProcessBuilder("true").start();
        } catch (Exception e) {
            // recorded by the guard
        }
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) {
        PrintStream err = new PrintStream(new java.io.FileOutputStream(FileDescriptor.err), true);
        System.setSecurityManager(new SecurityManager() {
            private void forbid(String what) {
                err.println("FORBIDDEN " + what);
                throw new SecurityException("trailwatch must not " + what);
            }

            @Override
            public void checkPermission(Permission permission) {
                // everything else is allowed
            }

            @Override
            public void checkPermission(Permission permission, Object context) {
                // everything else is allowed
            }

            @Override
            public void checkConnect(String host, int port) {
                forbid("connect to or resolve " + host + ":" + port);
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                forbid("connect to or resolve " + host + ":" + port);
            }

            @Override
            public void checkListen(int port) {
                forbid("listen on port " + port);
            }

            @Override
            public void checkAccept(String host, int port) {
                forbid("accept from " + host + ":" + port);
            }

            @Override
            public void checkExec(String command) {
                forbid("run " + command);
            }
        });
        if (args.length == 1 && args[0].equals("--probe")) {
            probe();
            System.exit(0);
        }
        System.exit(Main.run(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(err, true),
                System.in));
    }
}
