package io.github.padlock.jwt;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.github.padlock.NotAuthenticatedException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;

import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without Google Tink on the classpath, {@link JwtSettings} refuses every Ed25519 key and EdDSA algorithm when it is
 * built, naming Tink, and every other key still works. Padlock, nimbus-jose-jwt and Spring are loaded afresh from the
 * test classpath less Tink's jar, by a class loader that does not delegate to the one that found Tink, and
 * {@link Probe} runs there.
 */
class JwtWithoutTinkTests {

    @Test
    void tinkPresenceIsDecidedByTheClassLoader() {
        assertThat(Ed25519Keys.available()).isTrue();
        assertThat(Ed25519Keys.isTinkPresent(JwtWithoutTinkTests.class.getClassLoader())).isTrue();
        assertThat(Ed25519Keys.isTinkPresent(new FilteredClassLoader("com.google.crypto.tink"))).isFalse();
    }

    @Test
    void buildWhenTinkIsMissingThenEd25519KeysAndEdDsaAreRefusedAndTheRestStillWorks() throws Exception {
        try (URLClassLoader withoutTink = withoutTink()) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutTink.loadClass(Ed25519Keys.TINK_CLASS));
            Class<?> probe = withoutTink.loadClass(Probe.class.getName());
            assertThat(probe.getClassLoader()).as("the probe and Padlock load without Tink").isSameAs(withoutTink);
            @SuppressWarnings("unchecked")
            Map<String, String> outcomes = ((Supplier<Map<String, String>>) probe.getDeclaredConstructor()
                .newInstance()).get();
            String refused = "EdDSA (Ed25519) keys are not supported: nimbus-jose-jwt needs Google Tink "
                    + "(com.google.crypto.tink:tink) for them, which is not on the classpath";
            assertThat(outcomes).containsEntry("available", "false")
                .containsEntry("public-key PEM", "public-key: " + refused)
                .containsEntry("public-key JWK", "public-key: " + refused)
                .containsEntry("public-key JWK Set", "public-key: " + refused)
                .containsEntry("private-key PEM", "private-key: " + refused)
                .containsEntry("private-key JWK", "private-key: " + refused)
                .containsEntry("algorithms EdDSA", "algorithms: " + refused)
                .containsEntry("algorithms Ed25519", "algorithms: " + refused)
                .containsEntry("jwk-set-uri algorithms", "algorithms: " + refused)
                .containsEntry("RS256 round trip", "johndoe")
                .containsEntry("HS256 round trip", "johndoe")
                .containsEntry("EdDSA token to an RS256 decoder", NotAuthenticatedException.class.getSimpleName());
        }
    }

    /**
     * @return a class loader over the test classpath without Tink's jar, whose parent (the platform class loader)
     * knows none of the application's classes
     */
    private static URLClassLoader withoutTink() throws IOException {
        List<URL> urls = new ArrayList<>();
        boolean tinkLeftOut = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            if (path.getFileName().toString().startsWith("tink-")) {
                tinkLeftOut = true;
            }
            else {
                urls.add(path.toUri().toURL());
            }
        }
        assertThat(tinkLeftOut).as("Tink's jar is on java.class.path, to be left out").isTrue();
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Runs inside the class loader without Tink, and answers in JDK types only, which both class loaders share: for
     * each case, the refusal's message, or what worked.
     */
    public static final class Probe implements Supplier<Map<String, String>> {

        @Override
        public Map<String, String> get() {
            KeyPair ed25519 = keyPair("Ed25519", 255);
            KeyPair rsa = keyPair("RSA", 2048);
            String publicJwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[32])).build()
                .toJSONString();
            String privateJwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[32]))
                .d(Base64URL.encode(new byte[32]))
                .build()
                .toJSONString();
            String rsaPublic = JwtTestSupport.pem("PUBLIC KEY", rsa.getPublic());
            String jwkSetUri = "https://issuer.example/jwks";
            Map<String, String> outcomes = new LinkedHashMap<>();
            outcomes.put("available", String.valueOf(Ed25519Keys.available()));
            outcomes.put("public-key PEM", refusal(JwtSettings.builder()
                .publicKey(JwtTestSupport.pem("PUBLIC KEY", ed25519.getPublic()))));
            outcomes.put("public-key JWK", refusal(JwtSettings.builder().publicKey(publicJwk)));
            outcomes.put("public-key JWK Set", refusal(JwtSettings.builder().publicKey("{\"keys\":[" + publicJwk
                    + "]}")));
            outcomes.put("private-key PEM", refusal(JwtSettings.builder().jwkSetUri(jwkSetUri)
                .privateKey(JwtTestSupport.pem("PRIVATE KEY", ed25519.getPrivate()))));
            outcomes.put("private-key JWK", refusal(JwtSettings.builder().jwkSetUri(jwkSetUri).privateKey(privateJwk)));
            outcomes.put("algorithms EdDSA", refusal(JwtSettings.builder().publicKey(rsaPublic)
                .algorithms(List.of("EdDSA"))));
            outcomes.put("algorithms Ed25519", refusal(JwtSettings.builder().publicKey(rsaPublic)
                .algorithms(List.of("RS256", "Ed25519"))));
            outcomes.put("jwk-set-uri algorithms", refusal(JwtSettings.builder().jwkSetUri(jwkSetUri)
                .algorithms(List.of("RS256", "EdDSA"))));

            JwtSettings rs256 = anyAudience()
                .publicKey(rsaPublic)
                .privateKey(JwtTestSupport.pem("PRIVATE KEY", rsa.getPrivate()))
                .build();
            outcomes.put("RS256 round trip", roundTrip(rs256));
            outcomes.put("HS256 round trip", roundTrip(JwtSettings.builder().secret(JwtTestSupport.SECRET).build()));
            String edDsa = JwtTestSupport.eddsaByTheJdk(ed25519.getPrivate(), "EdDSA",
                    JwtTestSupport.claims().build());
            try {
                new JwtDecoder(rs256).decode(edDsa);
                outcomes.put("EdDSA token to an RS256 decoder", "accepted");
            }
            catch (NotAuthenticatedException ex) {
                outcomes.put("EdDSA token to an RS256 decoder", ex.getClass().getSimpleName());
            }
            return outcomes;
        }

        private static String refusal(JwtSettings.Builder builder) {
            try {
                return "built: " + builder.build();
            }
            catch (IllegalArgumentException ex) {
                return ex.getMessage();
            }
        }

        private static String roundTrip(JwtSettings settings) {
            String token = new JwtIssuer(settings).issue("johndoe", List.of("me"), Duration.ofMinutes(5)).value();
            return new JwtDecoder(settings).decode(token).subject();
        }

        private static KeyPair keyPair(String algorithm, int size) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                generator.initialize(size);
                return generator.generateKeyPair();
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
