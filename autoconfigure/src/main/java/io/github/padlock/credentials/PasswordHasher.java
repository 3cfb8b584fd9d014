package io.github.padlock.credentials;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * Hashes a password for {@code padlock.users.<name>.password}: prints it in Spring Security's
 * {@code DelegatingPasswordEncoder} format, {@code {bcrypt}$2a$10$…} by default, which Padlock's password check
 * accepts. The password is read from standard input, one line of UTF-8 without its line ending (from a terminal:
 * asked twice, without echo); never from the command line, which other users of the machine see ({@code ps}) and the
 * shell keeps in its history. The optional argument chooses the encoder: {@code bcrypt} (strength 10), or
 * {@code pbkdf2}, {@code argon2} or {@code scrypt} with Spring Security's current parameters, under their ids such as
 * {@code {argon2@SpringSecurity_v5_8}}. It needs spring-security-crypto, and BouncyCastle for argon2 and scrypt:
 * <pre>
 * printf '%s\n' 'password123' | ./mvnw -q -pl autoconfigure exec:java \
 *     -Dexec.mainClass=io.github.padlock.credentials.PasswordHasher
 * </pre>
 */
public final class PasswordHasher {

    private static final String USAGE = "Usage: PasswordHasher [bcrypt|pbkdf2|argon2|scrypt] < password-file\n"
            + "The password is read from standard input (one line), never from the command line.";

    private static final String CRYPTO = "org.springframework.security.crypto.password.PasswordEncoder";

    private static final String BOUNCY_CASTLE = "org.bouncycastle.crypto.params.Argon2Parameters";

    /** The encoders offered, by argument, each with the encoder id it writes. */
    private static final Map<String, String> ENCODER_IDS = Map.of("bcrypt", "bcrypt", "pbkdf2",
            "pbkdf2@SpringSecurity_v5_8", "argon2", "argon2@SpringSecurity_v5_8", "scrypt",
            "scrypt@SpringSecurity_v5_8");

    private PasswordHasher() {
    }

    /**
     * Prints the hash of the password on standard input, or a reason on standard error with exit status 1 (2 for a
     * wrong command line).
     *
     * @param args nothing, or the encoder: {@code bcrypt} (the default), {@code pbkdf2}, {@code argon2} or
     * {@code scrypt}
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        int status = run(args, System.console(), System.in, System.out, System.err,
                PasswordHasher.class.getClassLoader());
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, @Nullable Console console, InputStream in, PrintStream out, PrintStream err,
            @Nullable ClassLoader classLoader) throws IOException {
        String name = (args.length == 0) ? "bcrypt" : (args.length == 1) ? args[0] : null;
        String id = (name != null) ? ENCODER_IDS.get(name) : null;
        if (id == null) {
            err.println(USAGE); // never the arguments: one may be a password
            return 2;
        }
        if (!isPresent(CRYPTO, classLoader)) {
            err.println("PasswordHasher needs spring-security-crypto on the class path: add "
                    + "org.springframework.security:spring-security-crypto (padlock-spring-boot-starter brings it)");
            return 1;
        }
        if ((name.equals("argon2") || name.equals("scrypt")) && !isPresent(BOUNCY_CASTLE, classLoader)) {
            err.println(name + " needs BouncyCastle on the class path: add org.bouncycastle:bcprov-jdk18on");
            return 1;
        }
        char[] password = (console != null) ? fromConsole(console) : firstLine(in, err);
        try {
            if (password == null) {
                return 1;
            }
            if (password.length == 0) {
                err.println("The password is empty: nothing was hashed");
                return 1;
            }
            out.println(Encoders.hash(id, password));
            return 0;
        }
        catch (IllegalArgumentException ex) { // such as a password over bcrypt's 72 bytes; the message shows none
            err.println("Not hashed: " + ex.getMessage());
            return 1;
        }
        finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Asks twice, without echo; {@code null} (said on the console) when the two differ. */
    private static char @Nullable [] fromConsole(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        try {
            if (!Arrays.equals(first, again)) {
                console.printf("The passwords differ: nothing was hashed%n");
                return null;
            }
            return (first != null) ? first.clone() : new char[0];
        }
        finally {
            for (char[] read : Arrays.asList(first, again)) {
                if (read != null) {
                    Arrays.fill(read, '\0');
                }
            }
        }
    }

    /** The first line of UTF-8 text without its {@code \n} or {@code \r\n}; {@code null} (said) when not UTF-8. */
    private static char @Nullable [] firstLine(InputStream in, PrintStream err) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        char[] line = new char[64];
        int length = 0;
        try {
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                if (length == line.length) {
                    char[] longer = Arrays.copyOf(line, 2 * length);
                    Arrays.fill(line, '\0');
                    line = longer;
                }
                line[length++] = (char) c;
            }
        }
        catch (CharacterCodingException ex) {
            err.println("Standard input is not UTF-8 text: nothing was hashed");
            return null;
        }
        finally {
            Arrays.fill(line, length, line.length, '\0');
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(line, length);
        Arrays.fill(line, '\0');
        return password;
    }

    private static boolean isPresent(String className, @Nullable ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /** The types of spring-security-crypto, in a class of their own, loaded only once the library was found. */
    private static final class Encoders {

        static String hash(String id, char[] password) {
            PasswordEncoder encoder = switch (id) {
                case "bcrypt" -> new BCryptPasswordEncoder();
                case "pbkdf2@SpringSecurity_v5_8" -> Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
                case "argon2@SpringSecurity_v5_8" -> Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
                case "scrypt@SpringSecurity_v5_8" -> SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8();
                default -> throw new IllegalStateException("No encoder " + id);
            };
            return new DelegatingPasswordEncoder(id, Map.of(id, encoder)).encode(CharBuffer.wrap(password));
        }
    }
}
