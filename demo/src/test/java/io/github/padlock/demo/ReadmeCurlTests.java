package io.github.padlock.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code curl} of the README's console blocks, run as written (by bash, with the real curl) against the demo on
 * a real server, its output compared with what the README shows: the status line, each header shown (others may
 * follow), and the body to the byte. {@code eyJ…} stands for the access token: in a command, the one the last
 * {@code /token} call printed; in an output, any token.
 * <p>
 * Without curl the test is skipped, except on CI ({@code CI=true}), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ReadmeCurlTests {

    private static final Path README = Path.of("../README.md");

    private static final Pattern CONSOLE = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"(eyJ[A-Za-z0-9_.-]+)\"");

    @LocalServerPort
    private int port;

    @Test
    void readmeWhenEveryCurlRunsAgainstTheDemoThenItPrintsWhatTheReadmeShows() throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/bin/bash"));
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs /usr/bin/curl and /bin/bash to replay the README (.ci/run "
                    + "installs curl)");
        }
        Assumptions.assumeTrue(available, "curl is not installed: the README's curls are not replayed");
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<Call> calls = new ArrayList<>();
        Matcher blocks = CONSOLE.matcher(readme);
        while (blocks.find()) {
            calls.addAll(calls(blocks.group(1)));
        }
        assertThat(calls).as("curls in the README").hasSizeGreaterThanOrEqualTo(8);
        String token = null;
        for (Call call : calls) {
            String command = call.command().replace("http://127.0.0.1:8080", "http://127.0.0.1:" + this.port);
            if (token != null) {
                command = command.replace("eyJ…", token);
            }
            String output = run(command);
            Matcher issued = TOKEN.matcher(output);
            if (issued.find()) {
                token = issued.group(1);
            }
            assertShows(call, output);
        }
    }

    /** The README's commands of one block, each with the lines it shows. */
    private static List<Call> calls(String block) {
        List<Call> calls = new ArrayList<>();
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("$ ")) {
                continue;
            }
            String command = lines[i].substring(2);
            while (command.endsWith("\\")) {
                command = command.substring(0, command.length() - 1).stripTrailing() + " " + lines[++i].strip();
            }
            List<String> shown = new ArrayList<>();
            while (i + 1 < lines.length && !lines[i + 1].startsWith("$ ")) {
                shown.add(lines[++i]);
            }
            while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
                shown.remove(shown.size() - 1);
            }
            calls.add(new Call(command, shown));
        }
        return calls;
    }

    private static void assertShows(Call call, String output) {
        String[] printed = output.replace("\r\n", "\n").split("\n", -1);
        List<String> shown = call.shown();
        if (!shown.isEmpty() && shown.get(0).startsWith("HTTP/")) {
            assertThat(printed[0].stripTrailing()).as(call.command()).isEqualTo(shown.get(0));
            int end = 1;
            while (end < printed.length && !printed[end].isEmpty()) {
                end++;
            }
            List<String> headers = List.of(printed).subList(1, end);
            int i = 1;
            for (; i < shown.size() && !shown.get(i).isEmpty(); i++) {
                String header = shown.get(i).toLowerCase(Locale.ROOT);
                assertThat(headers.stream().map((line) -> line.toLowerCase(Locale.ROOT)))
                    .as(call.command())
                    .contains(header);
            }
            if (i < shown.size()) {
                String body = String.join("\n", List.of(printed).subList(end + 1, printed.length));
                assertBody(call, body, String.join("\n", shown.subList(i + 1, shown.size())));
            }
        }
        else {
            assertBody(call, output, String.join("\n", shown));
        }
    }

    private static void assertBody(Call call, String printed, String shown) {
        String expected = Pattern.quote(shown).replace("eyJ…", "\\E[A-Za-z0-9_.-]+\\Q");
        assertThat(printed.strip()).as(call.command()).matches(Pattern.compile(expected, Pattern.DOTALL));
    }

    private static String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(process.exitValue()).as(command).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }

    private record Call(String command, List<String> shown) {
    }
}
