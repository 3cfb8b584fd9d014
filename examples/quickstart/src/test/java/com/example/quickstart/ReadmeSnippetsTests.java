package com.example.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's code is code: every Java, YAML and XML block of the README is preceded by a marker naming the file of
 * the build it comes from — {@code <!-- file: path -->} for a whole file, {@code <!-- excerpt: path -->} for a part —
 * and is that file, or a part of it, to the character. The files are compiled and run by the build (the examples and
 * the demo), so a README block that does not compile or does not run cannot exist.
 */
class ReadmeSnippetsTests {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- (file|excerpt): (\\S+) -->\\n+)?```(java|yaml|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeWhenCodeBlocksThenEachIsAMarkedFileOfTheBuild() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher blocks = BLOCK.matcher(readme);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        while (blocks.find()) {
            String kind = blocks.group(1);
            String path = blocks.group(2);
            String code = blocks.group(4);
            int line = readme.substring(0, blocks.start()).split("\n", -1).length;
            if (kind == null) {
                problems.add("README line " + line + ": a " + blocks.group(3) + " block without a file marker");
                continue;
            }
            Path file = ROOT.resolve(path);
            if (!Files.isRegularFile(file)) {
                problems.add("README line " + line + ": " + path + " does not exist");
                continue;
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            boolean matches = kind.equals("file") ? content.equals(code) : containsLines(content, code);
            if (!matches) {
                problems.add("README line " + line + ": the block is not " + (kind.equals("file") ? "" : "a part of ")
                        + path + " as it stands");
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("blocks checked").isGreaterThanOrEqualTo(4);
    }

    /** A merge that left its conflict markers in the README once; Markdown shows them as text. */
    @Test
    void readmeWhenReadThenNoMergeConflictMarkers() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(lines).noneMatch((line) -> line.startsWith("<<<<<<< ") || line.startsWith(">>>>>>> ")
                || line.equals("======="));
    }

    /** Whether the excerpt's lines stand, in order and together, in the file, whatever their indentation. */
    private static boolean containsLines(String content, String excerpt) {
        List<String> lines = content.lines().map(String::strip).toList();
        List<String> wanted = excerpt.lines().map(String::strip).toList();
        for (int start = 0; start + wanted.size() <= lines.size(); start++) {
            if (lines.subList(start, start + wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
