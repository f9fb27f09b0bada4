package dev.trailwatch.bench;

import dev.trailwatch.source.InputException;
import dev.trailwatch.terraform.hcl.HclSyntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing throughput of the HCL parser on a folder of Terraform files (one operation parses every
 * .tf and .tfvars file once, from text already in memory), on one thread. Run by
 * scripts/bench-hcl.sh, which turns the time per operation into MB/s and files/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class HclParseBenchmark {
    /** The folder to parse; scripts/bench-hcl.sh passes the corpus. */
    @Param("")
    public String corpus;

    private List<String> texts;

    @Setup
    public void load() throws IOException {
        if (corpus.isEmpty()) {
            throw new IllegalStateException("no corpus folder given (the corpus parameter)");
        }
        texts = read(Paths.get(corpus));
        if (texts.isEmpty()) {
            throw new IllegalStateException("no .tf files under " + corpus);
        }
    }

    static List<String> read(Path folder) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(HclParseBenchmark::isNativeHcl).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    static boolean isNativeHcl(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".tf") || name.endsWith(".tfvars"));
    }

    @Benchmark
    public int parseEveryFile() throws InputException {
        int items = 0;
        for (String text : texts) {
            items += HclSyntax.parse(text).items().size();
        }
        return items;
    }
}
