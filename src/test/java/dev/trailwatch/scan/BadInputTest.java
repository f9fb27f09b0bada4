package dev.trailwatch.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and hostile input gives one clear error line with its position and exit code 2, never a
 * stack trace or a hang, and never hides the findings of the other files.
 */
class BadInputTest {
    private static final Path BAD = Paths.get("testdata/bad");

    @TempDir
    Path temp;

    /** testdata/bad/EXPECTED.md's table: file → "line:column" and a part of the message. */
    private static Map<String, String[]> expectedTable() throws IOException {
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : Files.readAllLines(BAD.resolve("EXPECTED.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length == 5 && cells[2].trim().matches("\\d+:\\d+")) {
                rows.put(cells[1].trim(), new String[] {cells[2].trim(), cells[3].trim()});
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> eachBadFileIsOneErrorAtItsPosition() throws IOException {
        Map<String, String[]> table = expectedTable();
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(BAD)) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("EXPECTED.md")).sorted().forEach(files::add);
        }
        assertEquals(files, new ArrayList<>(table.keySet()), "every file in testdata/bad has a row in EXPECTED.md");
        return files.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String[] row = table.get(name);
            Cli.Run run = Cli.run("scan", "-q", BAD.resolve(name).toString());
            assertEquals(ExitCodes.ERROR, run.exitCode(), run.err());
            assertEquals("", run.out());
            List<String> errLines = run.err().lines().toList();
            assertEquals(1, errLines.size(), run.err());
            String prefix = "testdata/bad/" + name + ":" + row[0] + ": error: ";
            assertTrue(errLines.get(0).startsWith(prefix), errLines.get(0) + " should start with " + prefix);
            assertTrue(errLines.get(0).contains(row[1]), errLines.get(0) + " should contain " + row[1]);
        }));
    }

    @Test
    void oneBadFileDoesNotHideTheFindingsOfOthers() {
        Cli.Run run = Cli.run("scan", "testdata/mixed");
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals(List.of("testdata/mixed/trail.yaml:3:3: error TW001 MixedTrail is not integrated with CloudWatch"
                + " Logs: CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set"), run.outLines());
        assertTrue(run.err().startsWith("testdata/mixed/broken-template.yaml:7:16: error: "), run.err());
        assertEquals(2, run.err().lines().count(), "one error line and the summary: " + run.err());
    }

    @Test
    void deeplyNestedJsonIsAnErrorNotAStackOverflow() throws IOException {
        String deep = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": " + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        assertOneError(write("deep.json", deep), "deep.json:1:", "nested too deeply");
    }

    @Test
    void deeplyNestedYamlIsAnErrorNotAStackOverflow() throws IOException {
        String deep = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: " + "[".repeat(100_000)
                + "]".repeat(100_000) + "\n";
        assertOneError(write("deep.yaml", deep), "deep.yaml:2:", "nested too deeply");
    }

    @Test
    void yamlAliasBombStopsAtTheFirstAlias() throws IOException {
        // Each level doubles the one before: expanded, 2^30 strings. It must stop at the first alias.
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\na: &a [\"lol\",\"lol\"]\n");
        String previous = "a";
        for (int i = 1; i < 30; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(previous).append(", *")
                    .append(previous).append("]\n");
            previous = "b" + i;
        }
        assertOneError(write("bomb.yaml", bomb.toString()), "bomb.yaml:3:10:", "YAML alias *a is not allowed");
    }

    @Test
    void fileOverTheSizeLimitIsReportedNotRead() throws IOException {
        Path big = write("big.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\n" + "#".repeat(2000) + "\n");
        Cli.Run run = Cli.run("scan", "-q", "--max-file-size", "1000", big.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.err().contains("over the size limit of 1000 bytes"), run.err());
    }

    @Test
    void binaryDataThatLooksLikeATemplateIsAnErrorAndOtherwiseSkipped() throws IOException {
        byte[] marked = "AWSTemplateFormatVersion: x\n\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
        byte[] garbage = new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80, 'A', 'W', 'S'};
        Files.write(temp.resolve("marked.yaml"), concat(marked, new byte[] {(byte) 0xC3, (byte) 0x28}));
        Files.write(temp.resolve("garbage.yaml"), garbage);
        Cli.Run run = Cli.run("scan", "-q", temp.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).endsWith("marked.yaml:2:3: error: not valid UTF-8: byte 0xC3 cannot start or"
                + " continue a character"), lines.get(0));
    }

    @Test
    void brokenFileThatIsNotATemplateIsSkippedSilently() throws IOException {
        write("tsconfig.json", "{ \"compilerOptions\": {\"strict\": true,}, }");
        write("values.yaml", "replicas: {{ .Values.replicas }}\n");
        Cli.Run run = Cli.run("scan", temp.toString());
        assertEquals(ExitCodes.CLEAN, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("trailwatch: 0 files, 0 resources, 0 trails: 0 findings, 0 errors", run.err().strip());
    }

    @Test
    void symlinkLoopIsReportedOnceAndTheWalkGoesOn() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("tree/sub"));
        Files.createSymbolicLink(dir.resolve("loop"), temp.resolve("tree"));
        write("tree/trail.yaml", "Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n");
        Cli.Run run = Cli.run("scan", temp.resolve("tree").toString());
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertTrue(run.out().contains("trail.yaml:2:3: error TW001 T is not integrated"), run.out());
        assertTrue(run.err().contains("loop: error: symbolic link loop; not followed"), run.err());
    }

    @Test
    void missingPathIsAnErrorAndAnEmptyFolderIsClean() throws IOException {
        Files.createDirectories(temp.resolve("dir.yaml"));
        Cli.Run missing = Cli.run("scan", "-q", "no/such/place.yaml");
        assertEquals(ExitCodes.ERROR, missing.exitCode());
        assertEquals("no/such/place.yaml: error: no such file or directory", missing.err().strip());
        Cli.Run directoryNamedLikeAFile = Cli.run("scan", "-q", temp.resolve("dir.yaml").toString());
        assertEquals(ExitCodes.CLEAN, directoryNamedLikeAFile.exitCode(), "an empty folder: nothing to scan");
        assertFalse(directoryNamedLikeAFile.err().contains("Exception"));
    }

    @Test
    void anUnreadableFileIsAnError() throws IOException {
        Path unreadable = write("locked.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\n");
        // root reads every file whatever its mode: there the lock cannot be made, and the test is skipped.
        assumeTrue(unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable),
                "a file this user cannot read (not as root)");
        Cli.Run locked = Cli.run("scan", "-q", unreadable.toString());
        assertEquals(ExitCodes.ERROR, locked.exitCode());
        assertEquals(unreadable + ": error: permission denied", locked.err().strip());
    }

    @Test
    void aPipeOrDeviceIsNeverRead() throws IOException, InterruptedException {
        Path fifo = temp.resolve("pipe.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        Cli.Run run = Cli.run("scan", "-q", fifo.toString()); // a reader would wait for a writer forever
        assertEquals(ExitCodes.ERROR, run.exitCode());
        assertEquals(fifo + ": error: not a regular file; not read", run.err().strip());
        Cli.Run device = Cli.run("scan", "-q", "/dev/zero");
        assertEquals(ExitCodes.ERROR, device.exitCode());
        assertEquals("/dev/zero: error: not a regular file; not read", device.err().strip());
    }

    private void assertOneError(Path file, String position, String message) {
        Cli.Run run = Cli.run("scan", "-q", file.toString());
        assertEquals(ExitCodes.ERROR, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(position) && lines.get(0).contains(message),
                lines.get(0) + " should hold " + position + " and " + message);
    }

    private Path write(String name, String content) throws IOException {
        Path path = temp.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
