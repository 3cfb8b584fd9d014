package io.github.padlock.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A secret-bearing property with a bad value fails the start-up naming the property, and neither the failure, its
 * analysis nor anything else the application logs holds any part of the value — also when a command-line argument
 * overrides a value from the application's own configuration (Spring Boot's own analysis prints every source's value).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInStartupFailureTests {

    @Test
    void startWhenUserPasswordIsPlainThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.users.bob.password", "Bq7Rv2Lp9Zk4Wm8Tn3Cb6");
    }

    @Test
    void startWhenUserPasswordIsAMalformedHashThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.users.carol.password", "{bcrypt}Cr9Pa5Ss7Xk2Lm4Qz8Nt1");
    }

    @Test
    void startWhenApiKeyHashIsMalformedThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.api-keys.demo.hash", "sha256:not-hex-but-a-key-Qw93ertyuiopasdfgh");
    }

    @Test
    void startWhenJwtSecretIsTooShortThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.jwt.secret", "Sh3Rt8Sx5Vb4nQ1");
    }

    @Test
    void startWhenJwtSecretRepeatsAShortPatternThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.jwt.secret", "Xk7#Wp2!Xk7#Wp2!Xk7#Wp2!Xk7#Wp2!Xk7#Wp2!");
        assertThat(output.getAll()).contains("'padlock.jwt.secret'", "repeats a shorter pattern",
                "openssl rand -base64 48");
    }

    /** A new user's first start without the README's environment variable: name the variable, not a length. */
    @Test
    void startWhenJwtSecretIsAnUndefinedPlaceholderThenTheVariableIsNamed(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> application(Map.of("padlock.jwt.secret",
                "${PADLOCK_TESTS_UNDEFINED_SECRET}")).run().close());
        assertThat(failure).isNotNull();
        assertThat(output.getAll()).contains("'padlock.jwt.secret'",
                "It is the placeholder ${PADLOCK_TESTS_UNDEFINED_SECRET}, which nothing defines",
                "Set the environment variable PADLOCK_TESTS_UNDEFINED_SECRET");
    }

    @Test
    void startWhenJwtPrivateKeyIsBrokenThenNoPartOfItPrinted(CapturedOutput output) {
        assertRefusedWithoutEcho(output, "padlock.jwt.private-key",
                "-----BEGIN PRIVATE KEY-----\nMIIBrokenKeyMaterialPq7Ws3Ed5Rf1Tg\n-----END PRIVATE KEY-----",
                "padlock.jwt.secret=jwt-secret-that-is-long-enough-7Qm2Zk9xVb4nHt1sLp8d");
    }

    @Test
    void startWhenCommandLineOverridesTheConfiguredValueThenNeitherIsPrinted(CapturedOutput output) {
        SpringApplication application = application(Map.of("padlock.users.bob.password", "Cf4Hs9Qx2Vn7Jd5Kw8Py3"));
        Throwable failure = catchThrowable(
                () -> application.run("--padlock.users.bob.password=Cl6Ty1Mz8Rb3Gq5Xw2Fh7").close());
        assertThat(failure).isNotNull();
        assertNoPart(output.getAll() + stackTraces(failure), "Cf4Hs9Qx2Vn7Jd5Kw8Py3");
        assertNoPart(output.getAll() + stackTraces(failure), "Cl6Ty1Mz8Rb3Gq5Xw2Fh7");
        assertThat(output.getAll()).contains("padlock.users.bob.password");
    }

    private static void assertRefusedWithoutEcho(CapturedOutput output, String property, String value,
            String... more) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(property, value);
        for (String pair : more) {
            properties.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Throwable failure = catchThrowable(() -> application(properties).run().close());
        assertThat(failure).as("the start-up fails").isNotNull();
        assertThat(output.getAll()).as("the report names the property").contains(property.substring(0,
                property.lastIndexOf('.')));
        assertNoPart(output.getAll(), value);
        assertNoPart(stackTraces(failure), value);
    }

    /** No run of 8 characters of the secret (fewer for a short one) appears anywhere. */
    private static void assertNoPart(String text, String secret) {
        int window = Math.min(8, secret.length());
        for (int i = 0; i + window <= secret.length(); i++) {
            String part = secret.substring(i, i + window);
            if (part.startsWith("-----") || part.contains("PRIVATE") || part.startsWith("{bcrypt}")
                    || part.startsWith("sha256:")) {
                continue; // the format's own words, not the secret
            }
            assertThat(text).as("part '" + part + "' of the secret").doesNotContain(part);
        }
    }

    private static String stackTraces(Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    private static SpringApplication application(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        Map<String, Object> defaults = new LinkedHashMap<>(properties);
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        application.setDefaultProperties(defaults);
        return application;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
