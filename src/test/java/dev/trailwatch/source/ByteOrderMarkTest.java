package dev.trailwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailwatch.cli.ExitCodes;
import dev.trailwatch.testing.Cli;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template saved as UTF-16 or UTF-32 with a byte order mark is checked like any other, never skipped. */
class ByteOrderMarkTest {
    private static final String TEMPLATE = "testdata/cloudformation/missing-integration.yaml";

    @TempDir
    Path temp;

    @Test
    void utf16AndUtf32TemplatesAreDecodedAndChecked() throws IOException {
        String text = Files.readString(Path.of(TEMPLATE));
        List<String[]> encodings = List.of(new String[] {"UTF-16LE", "FFFE"}, new String[] {"UTF-16BE", "FEFF"},
                new String[] {"UTF-32LE", "FFFE0000"}, new String[] {"UTF-32BE", "0000FEFF"});
        for (String[] encoding : encodings) {
            Path file = temp.resolve(encoding[0] + ".yaml");
            byte[] mark = java.util.HexFormat.of().parseHex(encoding[1]);
            byte[] body = text.getBytes(Charset.forName(encoding[0]));
            byte[] all = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, all, 0, mark.length);
            System.arraycopy(body, 0, all, mark.length, body.length);
            Files.write(file, all);
            Cli.Run run = Cli.run("scan", "-q", file.toString());
            assertEquals(ExitCodes.FINDINGS, run.exitCode(), encoding[0] + ": " + run.err());
            assertEquals(List.of(file + ":7:3: error TW001 AuditTrail is not integrated with CloudWatch Logs:"
                    + " CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn are not set"), run.outLines(), encoding[0]);
        }
    }
}
