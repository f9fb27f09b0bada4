package dev.trailwatch.terraform.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailwatch.source.InputException;
import dev.trailwatch.source.SourceFile;
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
import org.junit.jupiter.api.TestFactory;

/**
 * Each valid file in testdata/hcl parses to exactly the tree in its {@code NAME.ast} (every node
 * with its line:column range); each file in testdata/hcl/invalid fails with the error
 * testdata/hcl/invalid/EXPECTED.md gives it.
 */
class HclFixtureTest {
    private static final Path VALID = Paths.get("testdata/hcl");
    private static final Path INVALID = VALID.resolve("invalid");

    static Body parse(Path file) throws IOException, InputException {
        String text = SourceFile.decode(file, file.toString(), Files.readAllBytes(file)).text();
        return file.toString().endsWith(".json") ? HclJson.parse(text) : HclSyntax.parse(text);
    }

    @TestFactory
    Stream<DynamicTest> validFilesParseToTheTreeBesideThem() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(VALID)) {
            files = list.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".ast")).sorted().toList();
        }
        assertTrue(files.size() >= 9, files.toString());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String actual = AstPrinter.print(parse(file));
            Path expectedFile = file.resolveSibling(file.getFileName() + ".ast");
            if (Boolean.getBoolean("hcl.writeAst") && !Files.exists(expectedFile)) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8); // a new fixture's first draft, to be read
            }
            assertTrue(Files.exists(expectedFile), expectedFile + " is missing; the parser gives:\n" + actual);
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, file.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilesFailWithTheirError() throws IOException {
        Map<String, String[]> table = new TreeMap<>();
        for (String line : Files.readAllLines(INVALID.resolve("EXPECTED.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length == 5 && cells[2].trim().matches("\\d+:\\d+")) {
                table.put(cells[1].trim().replace("`", ""), new String[] {cells[2].trim(),
                        cells[3].trim().replace("\\|", "|").replaceAll("^`|`$", "")});
            }
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(INVALID)) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".md")).sorted().forEach(files::add);
        }
        assertEquals(files, new ArrayList<>(table.keySet()), "every invalid fixture has a row in EXPECTED.md");
        return files.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            InputException e = assertThrows(InputException.class, () -> parse(INVALID.resolve(name)));
            assertNotNull(e.position(), e.getMessage());
            String[] row = table.get(name);
            assertEquals(row[0] + " " + row[1], e.position().line() + ":" + e.position().column() + " " + e.getMessage());
        }));
    }
}
