package dev.trailwatch.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own with a small heap (256 MB, as the issue asks), so an
 * unbounded path ends in an out-of-memory there, which the test sees, instead of taking the
 * machine. The time bound is generous (a shared 2-core machine is noisy); what each case really
 * took is printed.
 */
final class Forked {
    static final String HEAP = "-Xmx256m";
    /** Far above the 5 s each case takes on a quiet machine; only a hang or a blow-up reaches it. */
    static final long TIMEOUT_SECONDS = 60;

    /** What a run printed and returned, and how long it took. */
    record Run(int exitCode, String out, String err, long millis) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Standard input of the forked run. */
    sealed interface Input permits None, FromFile, Endless {}

    record None() implements Input {}

    record FromFile(File file) implements Input {}

    /** Writes the same bytes again and again until the reader stops reading ({@code yes |}). */
    record Endless(byte[] chunk) implements Input {}

    private Forked() {}

    static Run run(Path workingDirectory, Input input, String... args) throws IOException, InterruptedException {
        return run(List.of("dev.trailwatch.cli.Main"), workingDirectory, input, args);
    }

    /** Runs {@code main} (a main class, after any JVM options) with the arguments. */
    static Run run(List<String> main, Path workingDirectory, Input input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(main);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("trailwatch-forked", ".out");
        Path err = Files.createTempFile("trailwatch-forked", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (input instanceof FromFile f) {
            builder.redirectInput(f.file());
        } else if (input instanceof None) {
            builder.redirectInput(new File("/dev/null"));
        }
        long start = System.nanoTime();
        Process process = builder.start();
        Thread writer = null;
        if (input instanceof Endless endless) {
            writer = new Thread(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    while (true) {
                        stdin.write(endless.chunk());
                    }
                } catch (IOException e) {
                    // the reader closed standard input: done
                }
            }, "endless-stdin");
            writer.setDaemon(true);
            writer.start();
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("did not end within " + TIMEOUT_SECONDS + " s: " + String.join(" ", args));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (writer != null) {
            writer.interrupt();
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        System.out.println("[hostile] " + millis + " ms, exit " + run.exitCode() + ": " + String.join(" ", args));
        return run;
    }
}
