package io.github.padlock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded generators of hostile input for Padlock's property tests, and the loop that runs a property over them.
 * <p>
 * Hand-written rather than a library: jqwik 1.10.1 runs on the JUnit Platform 6 of Spring Boot 4, but from 1.10 on
 * jqwik carries an anti-AI usage clause and these tests were written with an AI coding agent; Jazzer's JUnit
 * integration only fuzzes with {@code JAZZER_FUZZ=1}, one test at a time (a normal run replays its seeds only), so it
 * does not give 10,000 tries per parser in {@code mvn test}.
 * <p>
 * {@code -Dpadlock-tests.props.tries=N} sets the tries per parser (at least 10,000 by default; smaller values are raised to
 * it unless {@code -Dpadlock.props.allowFewer=true}); {@code -Dpadlock.props.seed=S} replays a run. Every failure names
 * the seed and the try, and every property prints {@code [props] <parser>: <tries> tries, seed <S>, ...}.
 */
public final class HostileInput {

    /** The least tries per parser per run. */
    public static final int MIN_TRIES = 10_000;

    /** The largest generated value: 64 KiB. */
    public static final int HUGE = 64 * 1024;

    private static final long BASE_SEED = Long.getLong("padlock.props.seed", System.nanoTime());

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final String CONTROLS = "\u0000\u0001\u0007\b\t\n\u000B\f\r\u001B\u001F\u007F\u0085\u00A0\u2028"
            + "\u2029\u200B\uFEFF\u3000";

    private static final List<String> SCHEME_NAMES = List.of("Basic", "Bearer", "Digest", "Other", "Token", "Negotiate",
            "NTLM", "AWS4-HMAC-SHA256", "ApiKey", "DPoP", "basic", "BEARER", "", " ", "Basic:", "Bearer,", "Basi",
            "Bearerr", "B\u0000asic", "\u0130ther", "Ba\u017Fic", "Bas\u0130c", "Dige\u017Ft", "Dig\u0130st",
            "Othe\u0280");

    private final SplittableRandom random;

    private final long seed;

    private HostileInput(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @return the tries per parser for this run
     */
    public static int tries() {
        int tries = Integer.getInteger("padlock-tests.props.tries", MIN_TRIES);
        return Boolean.getBoolean("padlock.props.allowFewer") ? tries : Math.max(tries, MIN_TRIES);
    }

    /**
     * Runs {@code property} {@link #tries()} times, each try with its own generator, and prints the count.
     * @param parser the name of the parser under test, for the report
     * @param property the property: generate an input, run the parser, assert
     * @return the outcomes counted by the property
     */
    public static Outcomes check(String parser, Consumer<Try> property) {
        long seed = BASE_SEED ^ parser.hashCode();
        int tries = tries();
        Outcomes outcomes = new Outcomes();
        long start = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            HostileInput input = new HostileInput(seed + i * 0x9E3779B97F4A7C15L);
            Try attempt = new Try(input, outcomes, i);
            try {
                property.accept(attempt);
            }
            catch (AssertionError | RuntimeException | StackOverflowError ex) {
                throw new AssertionError(parser + ": try " + i + " of seed " + BASE_SEED + " (-Dpadlock.props.seed="
                        + BASE_SEED + ") failed on input " + abbreviate(attempt.description) + ": " + ex, ex);
            }
            outcomes.tries++;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[props] " + parser + ": " + outcomes.tries + " tries, seed " + BASE_SEED + ", " + outcomes
                + ", " + millis + " ms");
        assertThat(outcomes.tries).as("tries of " + parser).isGreaterThanOrEqualTo(tries);
        return outcomes;
    }

    private static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "(not described)";
        }
        String escaped = escape(text.length() > 400 ? text.substring(0, 400) + "...(" + text.length() + " chars)"
                : text);
        return "\"" + escaped + "\"";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c) || c > 0xFFEF) {
                out.append(String.format("\\u%04X", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @return this try's seed
     */
    public long seed() {
        return this.seed;
    }

    /**
     * @param bound exclusive
     * @return a number in {@code [0, bound)}
     */
    public int nextInt(int bound) {
        return this.random.nextInt(bound);
    }

    /**
     * @param percent the chance
     * @return true with that chance
     */
    public boolean chance(int percent) {
        return this.random.nextInt(100) < percent;
    }

    /**
     * @param options the options
     * @param <T> their type
     * @return one of them
     */
    public <T> T oneOf(List<T> options) {
        return options.get(this.random.nextInt(options.size()));
    }

    /**
     * @return a length: mostly short, sometimes a few hundred, 1.5% of the time up to {@link #HUGE}
     */
    public int length() {
        int roll = this.random.nextInt(1000);
        if (roll < 700) {
            return this.random.nextInt(41);
        }
        if (roll < 985) {
            return this.random.nextInt(400);
        }
        return (roll < 995) ? this.random.nextInt(HUGE + 1) : HUGE - this.random.nextInt(8);
    }

    /**
     * @return arbitrary text of a random kind: any UTF-16 unit (lone surrogates included), bytes read as ISO-8859-1,
     * control characters (NUL, CR, LF, DEL...), printable ASCII, base64 or base64url, or a mix
     */
    public String text() {
        return text(length());
    }

    /**
     * @param length the length in chars
     * @return arbitrary text of that length
     */
    public String text(int length) {
        int kind = this.random.nextInt(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch ((kind == 6) ? this.random.nextInt(6) : kind) {
                case 0 -> (char) this.random.nextInt(0x10000);
                case 1 -> (char) this.random.nextInt(0x100);
                case 2 -> this.random.nextInt(3) == 0 ? CONTROLS.charAt(this.random.nextInt(CONTROLS.length()))
                        : (char) (0x20 + this.random.nextInt(0x5F));
                case 3 -> (char) (0x20 + this.random.nextInt(0x5F));
                case 4 -> BASE64.charAt(this.random.nextInt(BASE64.length()));
                default -> BASE64URL.charAt(this.random.nextInt(BASE64URL.length()));
            });
        }
        return text.toString();
    }

    /**
     * @param length the length
     * @return random bytes
     */
    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        this.random.nextBytes(bytes);
        return bytes;
    }

    /**
     * @param text any text
     * @return the text with each letter's case chosen at random
     */
    public String randomCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(this.random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * @return whitespace that an HTTP server would strip around a header value (RFC 9110 §5.5 OWS): none, spaces, tabs
     */
    public String ows() {
        return oneOf(List.of("", "", "", " ", "  ", "\t", " \t ", "\t\t"));
    }

    /**
     * @return whitespace or control characters no server strips: NUL, CR, LF, vertical tab, NBSP, em space, BOM...
     */
    public String hostileSpace() {
        return oneOf(List.of("\u0000", "\r", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "\uFEFF", "\u0085",
                "\u001F", "\u007F", " \u0000", "\u3000"));
    }

    /**
     * @return an HTTP authentication scheme name, well-known or near-miss
     */
    public String schemeName() {
        return chance(80) ? randomCase(oneOf(SCHEME_NAMES)) : text(this.random.nextInt(12));
    }

    /**
     * @param bytes any bytes
     * @return them in base64 of a random kind: canonical, unpadded, url-safe, MIME with line breaks, extra padding,
     * non-zero pad bits, with a space or junk inside, or cut
     */
    public Base64Form base64(byte[] bytes) {
        String canonical = Base64.getEncoder().encodeToString(bytes);
        int kind = this.random.nextInt(10);
        String form = switch (kind) {
            case 0, 1, 2 -> canonical;
            case 3 -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
            case 4 -> Base64.getUrlEncoder().encodeToString(bytes);
            case 5 -> Base64.getMimeEncoder(4, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
            case 6 -> canonical + oneOf(List.of("=", "==", "===", "A", "A=", "\u0000"));
            case 7 -> nonZeroPadBits(canonical);
            case 8 -> insert(canonical, oneOf(List.of(" ", "\t", "*", "-", "_", ".", "%3D", "\u00E9")));
            default -> canonical.isEmpty() ? "=" : canonical.substring(0, this.random.nextInt(canonical.length()));
        };
        return new Base64Form(form, form.equals(canonical));
    }

    /** The last significant character changed so that its unused bits are not zero (RFC 4648 §3.5). */
    private String nonZeroPadBits(String canonical) {
        int padding = canonical.endsWith("==") ? 2 : canonical.endsWith("=") ? 1 : 0;
        if (padding == 0 || canonical.length() < 4) {
            return canonical + "=";
        }
        int last = canonical.length() - padding - 1;
        int value = BASE64.indexOf(canonical.charAt(last));
        int unused = (padding == 2) ? 0x0F : 0x03;
        int changed = value | (1 + this.random.nextInt(unused));
        return canonical.substring(0, last) + BASE64.charAt(changed) + canonical.substring(last + 1);
    }

    /**
     * @param text any text
     * @param insertion what to insert
     * @return the text with the insertion at a random place
     */
    public String insert(String text, String insertion) {
        int at = this.random.nextInt(text.length() + 1);
        return text.substring(0, at) + insertion + text.substring(at);
    }

    /**
     * @param text a credential
     * @return a near miss of it, never equal: a character changed, removed, added or doubled, cut, extended, case
     * flipped, or wrapped in unusual whitespace
     */
    public String nearMiss(String text) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String miss = nearMissOnce(text);
            if (!miss.equals(text)) {
                return miss;
            }
        }
        return text + "x";
    }

    private String nearMissOnce(String text) {
        if (text.isEmpty()) {
            return text(1 + this.random.nextInt(4));
        }
        int at = this.random.nextInt(text.length());
        return switch (this.random.nextInt(9)) {
            case 0 -> text.substring(0, at) + (char) (text.charAt(at) ^ (1 << this.random.nextInt(7)))
                    + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            case 2 -> insert(text, text(1));
            case 3 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
            case 4 -> text.substring(0, at);
            case 5 -> text + text(1 + this.random.nextInt(3));
            case 6 -> flipCase(text);
            case 7 -> hostileSpace() + text + (chance(50) ? hostileSpace() : "");
            default -> text.toUpperCase(Locale.ROOT).equals(text) ? text.toLowerCase(Locale.ROOT)
                    : text.toUpperCase(Locale.ROOT);
        };
    }

    private String flipCase(String text) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int at = this.random.nextInt(text.length());
            char c = text.charAt(at);
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            if (flipped != c) {
                return text.substring(0, at) + flipped + text.substring(at + 1);
            }
        }
        return text + "X";
    }

    /**
     * Asserts that a refusal is one of Padlock's own: an {@link ErrorResponse} with a 4xx status whose detail is one
     * of {@code details}, whose {@code WWW-Authenticate} values are among {@code challenges}, and which carries none of
     * {@code secrets} (only those of 8 characters or more, which cannot occur by chance in a fixed text).
     * @param thrown what the parser threw
     * @param details the details it may have
     * @param challenges the challenges it may carry
     * @param secrets what it must not contain
     * @return the status
     */
    public static int assertPadlockRefusal(Throwable thrown, List<String> details, List<String> challenges,
            String... secrets) {
        if (!(thrown instanceof ErrorResponse error) || !thrown.getClass().getName().startsWith("io.github.padlock.")) {
            throw new AssertionError("not one of Padlock's ErrorResponses: " + thrown, thrown);
        }
        int status = error.getStatusCode().value();
        assertThat(status).as("status of " + thrown).isBetween(400, 499);
        assertThat(error.getBody().getDetail()).as("detail").isIn(details);
        List<String> sent = error.getHeaders().getOrEmpty(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(challenges).as("WWW-Authenticate").containsAll(sent);
        if (status == 401) {
            assertThat(sent).as("a 401's WWW-Authenticate").isNotEmpty();
        }
        String everything = thrown.getMessage() + "|" + error.getBody() + "|" + error.getHeaders() + "|"
                + thrown.getCause();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 8) {
                assertThat(everything).as("the refusal").doesNotContain(secret);
            }
        }
        return status;
    }

    /**
     * A request that resolves {@code verifier} over {@code scheme} alone, as Padlock's runtime would.
     * @param verifier the verifier
     * @param dependency the scheme the verifier is over
     * @param request the request
     * @param <T> the value's type
     * @return the verifier's value
     */
    public static <T> @Nullable T resolve(Verifier<T> verifier, SecurityDependency<?> dependency,
            SecurityRequest request) {
        return verifier.resolve(new SecurityResolution() {

            @Override
            public SecurityRequest request() {
                return request;
            }

            @Override
            public SecurityScopes scopes() {
                return SecurityScopes.empty();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <U> @Nullable U valueOf(SecurityDependency<U> asked) {
                if (asked != dependency) {
                    throw new AssertionError("asked for " + asked + ", not " + dependency);
                }
                return (U) ((io.github.padlock.scheme.SecurityScheme<?>) dependency).resolve(request);
            }
        });
    }

    /**
     * A value in base64, and whether it is the canonical form.
     * @param text the encoded text
     * @param canonical whether it is RFC 4648 §4's padded form with zero pad bits
     */
    public record Base64Form(String text, boolean canonical) {
    }

    /**
     * One try: the generator, where to count outcomes, and a description of the input for the failure message.
     */
    public static final class Try {

        private final HostileInput input;

        private final Outcomes outcomes;

        private final int index;

        private @Nullable String description;

        private int status;

        Try(HostileInput input, Outcomes outcomes, int index) {
            this.input = input;
            this.outcomes = outcomes;
            this.index = index;
        }

        /**
         * @return the generator
         */
        public HostileInput input() {
            return this.input;
        }

        /**
         * @return the index of this try
         */
        public int index() {
            return this.index;
        }

        /**
         * @param description the input, for the failure message
         */
        public void describe(String description) {
            this.description = description;
        }

        /**
         * @param status the status of the last refusal, or 0 when the last call returned
         */
        public void status(int status) {
            this.status = status;
        }

        /**
         * @return the status of the last refusal, or 0 when the last call returned
         */
        public int status() {
            return this.status;
        }

        /**
         * @param outcome an outcome to count, such as {@code 401} or {@code accepted}
         */
        public void count(String outcome) {
            this.outcomes.count(outcome);
        }
    }

    /**
     * Counts of outcomes over a run.
     */
    public static final class Outcomes {

        private final java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();

        private int tries;

        void count(String outcome) {
            this.counts.merge(outcome, 1, Integer::sum);
        }

        /**
         * @param outcome an outcome
         * @return how often it was counted
         */
        public int get(String outcome) {
            return this.counts.getOrDefault(outcome, 0);
        }

        /**
         * @return the tries run
         */
        public int tries() {
            return this.tries;
        }

        @Override
        public String toString() {
            return this.counts.toString();
        }
    }
}
