package dev.trailwatch.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link HclParseBenchmark} and prints MB/s and files/s per thread. Argument: the corpus folder. */
public final class HclParseBenchmarkMain {
    private HclParseBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: HclParseBenchmarkMain FOLDER (scripts/bench-hcl.sh passes the Terraform corpus)");
            System.exit(2);
        }
        Path corpus = Paths.get(args[0]).toAbsolutePath().normalize();
        List<String> texts = HclParseBenchmark.read(corpus);
        long bytes = 0;
        for (String text : texts) {
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        Options options = new OptionsBuilder()
                .include(HclParseBenchmark.class.getName())
                .param("corpus", corpus.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double millisPerOp = results.iterator().next().getPrimaryResult().getScore();
        double error = results.iterator().next().getPrimaryResult().getScoreError();
        double seconds = millisPerOp / 1000.0;
        System.out.printf("%ncorpus: %s: %d files, %.2f MB%n", corpus, texts.size(), bytes / 1e6);
        System.out.printf("time to parse them all, one thread, after warm-up: %.1f ms (± %.1f)%n", millisPerOp, error);
        System.out.printf("throughput per thread: %.1f MB/s, %.0f files/s%n", bytes / 1e6 / seconds,
                texts.size() / seconds);
        System.out.printf("target: 12 MB/s per thread: %s%n", bytes / 1e6 / seconds >= 12 ? "MEETS" : "MISSES");
    }
}
