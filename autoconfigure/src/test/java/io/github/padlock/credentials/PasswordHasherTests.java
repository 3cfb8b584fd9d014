package io.github.padlock.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PasswordHasher}: the password from standard input, never from the command line, hashed in the format that
 * Padlock's default {@code PasswordEncoder} checks.
 */
class PasswordHasherTests {

    /** What Padlock checks passwords with when the application declares no encoder. */
    private static final PasswordEncoder PADLOCK_DEFAULT = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** Standard input that must not be read. */
    private static final InputStream UNREAD = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("standard input was read");
        }
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runWhenPasswordOnStandardInputThenBcryptHashThatMatches() throws IOException {
        assertThat(run("password123\n")).isZero();
        String hash = out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(PADLOCK_DEFAULT.matches("password123", hash)).isTrue();
        assertThat(PADLOCK_DEFAULT.matches("password124", hash)).isFalse();
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "bcrypt, {bcrypt}", "pbkdf2, {pbkdf2@SpringSecurity_v5_8}", "argon2, {argon2@SpringSecurity_v5_8}",
            "scrypt, {scrypt@SpringSecurity_v5_8}" })
    void runWhenEncoderNamedThenHashWithItsIdThatMatches(String encoder, String prefix) throws IOException {
        assertThat(run("s3cret\n", encoder)).isZero();
        String hash = out().strip();
        assertThat(hash).startsWith(prefix);
        assertThat(PADLOCK_DEFAULT.matches("s3cret", hash)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "s3cret", "s3cret\n", "s3cret\r\n", "s3cret\nsecond line\n" })
    void runWhenLineEndsWithCrLfOrMoreLinesFollowThenFirstLineWithoutItsEnding(String input) throws IOException {
        assertThat(run(input)).isZero();
        assertThat(PADLOCK_DEFAULT.matches("s3cret", out().strip())).isTrue();
    }

    @Test
    void runWhenPasswordHasSpacesAndNonAsciiThenKeptAsUtf8() throws IOException {
        assertThat(run(" pässwörd mit Leerzeichen \n")).isZero();
        assertThat(PADLOCK_DEFAULT.matches(" pässwörd mit Leerzeichen ", out().strip())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\n", "\r\n" })
    void runWhenPasswordEmptyThenRefused(String input) throws IOException {
        assertThat(run(input)).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("The password is empty");
    }

    @Test
    void runWhenArgumentIsNotAnEncoderThenUsageWithoutTheArgumentAndStatus2() throws IOException {
        assertThat(PasswordHasher.run(new String[] { "password123" }, null, UNREAD, print(this.out), print(this.err),
                getClass().getClassLoader())).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("Usage: PasswordHasher").contains("never from the command line")
            .doesNotContain("password123");
    }

    @Test
    void runWhenEncoderAndPasswordAsArgumentsThenUsageAndStatus2() throws IOException {
        assertThat(PasswordHasher.run(new String[] { "bcrypt", "password123" }, null, UNREAD, print(this.out),
                print(this.err), getClass().getClassLoader())).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("Usage: PasswordHasher").doesNotContain("password123");
    }

    @Test
    void runWhenSpringSecurityCryptoMissingThenSaysWhichDependencyAndStatus1() throws IOException {
        try (FilteredClassLoader withoutCrypto = new FilteredClassLoader("org.springframework.security.crypto")) {
            assertThat(PasswordHasher.run(new String[0], null, UNREAD, print(this.out), print(this.err),
                    withoutCrypto)).isEqualTo(1);
        }
        assertThat(out()).isEmpty();
        assertThat(err()).contains("needs spring-security-crypto")
            .contains("org.springframework.security:spring-security-crypto");
    }

    @ParameterizedTest
    @ValueSource(strings = { "argon2", "scrypt" })
    void runWhenBouncyCastleMissingThenSaysWhichDependencyAndStatus1(String encoder) throws IOException {
        try (FilteredClassLoader withoutBouncyCastle = new FilteredClassLoader("org.bouncycastle")) {
            assertThat(PasswordHasher.run(new String[] { encoder }, null, UNREAD, print(this.out), print(this.err),
                    withoutBouncyCastle)).isEqualTo(1);
        }
        assertThat(err()).contains(encoder + " needs BouncyCastle").contains("org.bouncycastle:bcprov-jdk18on");
    }

    @Test
    void runWhenInputNotUtf8ThenRefused() throws IOException {
        byte[] latin1 = "pässword\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PasswordHasher.run(new String[0], null, new ByteArrayInputStream(latin1), print(this.out),
                print(this.err), getClass().getClassLoader())).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("not UTF-8");
    }

    @Test
    void runWhenPasswordOverBcryptLimitThenRefusedWithoutEchoingIt() throws IOException {
        String longPassword = "x".repeat(73);
        assertThat(run(longPassword + "\n")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("Not hashed").doesNotContain(longPassword);
    }

    private int run(String input, String... args) throws IOException {
        return PasswordHasher.run(args, null, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                print(this.out), print(this.err), getClass().getClassLoader());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }
}
