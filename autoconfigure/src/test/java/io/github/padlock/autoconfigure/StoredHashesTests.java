package io.github.padlock.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stored hashes checked against their encoder's format at start-up: what Spring Security's encoders write passes; a
 * value its encoder could never match is refused naming the property, never the value.
 */
class StoredHashesTests {

    private static final String PROPERTY = "padlock.users.carol.password";

    private final ClassLoader classLoader = getClass().getClassLoader();

    @Test
    void checkedWhenWhatTheEncodersWriteThenAccepted() {
        Map<String, String> hashes = Map.of("bcrypt", new BCryptPasswordEncoder(4).encode("carolpass"), "pbkdf2",
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5().encode("carolpass"),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("carolpass"),
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2().encode("carolpass"),
                "argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("carolpass"),
                "scrypt", SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1().encode("carolpass"),
                "scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8().encode("carolpass"),
                "noop", "anything at all");
        hashes.forEach((id, hash) -> assertThat(StoredHashes.checked(PROPERTY, "{" + id + "}" + hash, false,
                this.classLoader)).as(id).isEqualTo("{" + id + "}" + hash));
    }

    @Test
    void checkedWhenNotWhatTheEncoderWritesThenRefusedNamingThePropertyNotTheValue() {
        for (String hash : new String[] { "{bcrypt}carolpass", "{bcrypt}$2a$10$tooShort", "{pbkdf2}carolpass",
                "{pbkdf2}abc", "{argon2}carolpass", "{scrypt}carolpass", "{bcrypt}" }) {
            assertThatExceptionOfType(SecretPropertyException.class)
                .isThrownBy(() -> StoredHashes.checked(PROPERTY, hash, false, this.classLoader))
                .withMessageContaining(PROPERTY)
                .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(hash.substring(hash.indexOf('}') + 1)
                    .isEmpty() ? "\u0000" : hash.substring(hash.indexOf('}') + 1)));
        }
    }

    @Test
    void checkedWhenPlainOrUnknownEncoderThenRefused() {
        assertThatExceptionOfType(SecretPropertyException.class)
            .isThrownBy(() -> StoredHashes.checked(PROPERTY, "bobs-real-password", false, this.classLoader))
            .withMessageNotContaining("bobs-real-password");
        assertThatExceptionOfType(SecretPropertyException.class)
            .isThrownBy(() -> StoredHashes.checked(PROPERTY, "{sha256}abcdef", false, this.classLoader))
            .withMessageContaining("{sha256} is not accepted");
    }
}
