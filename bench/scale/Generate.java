import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Spring Boot application with N handler methods, spread over controllers of 50 methods each, for
 * bench/scale.sh. With Padlock, every method takes one @SecurityParam, rotating over HTTP Basic, an API key header,
 * an opaque bearer token, a JWT with a scope, anyOf alternatives and a scheme injected directly; without Padlock the
 * same methods lack that parameter and the application lacks the dependency. Both have springdoc's API docs.
 *
 * <pre>java bench/scale/Generate.java OUT_DIR N padlock|plain BOOT_VERSION SPRINGDOC_VERSION PADLOCK_VERSION</pre>
 */
public class Generate {

    static final int METHODS_PER_CONTROLLER = 50;

    /** The @SecurityParam of method i is SECURITY[i % SECURITY.length]: the parameter, then its type's import. */
    static final String[][] SECURITY = {
            { "@SecurityParam(\"basicUser\") String principal", null },
            { "@SecurityParam(\"apiKeyUser\") String principal", null },
            { "@SecurityParam(\"tokenUser\") String principal", null },
            { "@SecurityParam(value = \"jwtUser\", scopes = \"items:read\") JwtPrincipal principal",
                    "io.github.padlock.jwt.JwtPrincipal" },
            { "@SecurityParam(anyOf = { \"apiKeyUser\", \"tokenUser\" }) String principal", null },
            { "@SecurityParam(\"apiKeyHeader\") String principal", null } };

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException(
                    "usage: Generate OUT_DIR N padlock|plain BOOT_VERSION SPRINGDOC_VERSION PADLOCK_VERSION");
        }
        Path out = Path.of(args[0]);
        int methods = Integer.parseInt(args[1]);
        boolean padlock = switch (args[2]) {
            case "padlock" -> true;
            case "plain" -> false;
            default -> throw new IllegalArgumentException("padlock or plain, not " + args[2]);
        };
        Path sources = out.resolve("src/main/java/bench/scale");
        Files.createDirectories(sources);
        Files.createDirectories(out.resolve("src/main/resources"));
        Files.writeString(out.resolve("pom.xml"), pom(padlock, args[3], args[4], args[5]));
        Files.writeString(out.resolve("src/main/resources/application.properties"), """
                spring.main.banner-mode=off
                server.address=127.0.0.1
                server.port=0
                """);
        Files.writeString(sources.resolve("ScaleApplication.java"), """
                package bench.scale;

                import java.lang.management.ManagementFactory;

                import com.sun.management.OperatingSystemMXBean;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                import org.springframework.boot.context.event.ApplicationStartedEvent;
                import org.springframework.context.ApplicationListener;

                @SpringBootApplication
                public class ScaleApplication {

                    public static void main(String[] args) {
                        SpringApplication application = new SpringApplication(ScaleApplication.class);
                        // The CPU time of the whole process (all threads, JIT and GC included) once started: less
                        // sensitive than the wall-clock time to other processes on the machine.
                        application.addListeners((ApplicationListener<ApplicationStartedEvent>) (event) -> System.out
                            .println("Process CPU time at start-up: " + ((OperatingSystemMXBean) ManagementFactory
                                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000 + " ms"));
                        application.run(args);
                    }
                }
                """);
        if (padlock) {
            Files.writeString(sources.resolve("SecurityConfiguration.java"), SECURITY_CONFIGURATION);
        }
        int controllers = (methods + METHODS_PER_CONTROLLER - 1) / METHODS_PER_CONTROLLER;
        for (int c = 0; c < controllers; c++) {
            int first = c * METHODS_PER_CONTROLLER;
            int count = Math.min(METHODS_PER_CONTROLLER, methods - first);
            Files.writeString(sources.resolve(String.format("Controller%03d.java", c)),
                    controller(c, first, count, padlock));
        }
    }

    static String controller(int c, int first, int count, boolean padlock) {
        List<String> imports = new ArrayList<>(List.of("java.util.Map",
                "org.springframework.web.bind.annotation.GetMapping",
                "org.springframework.web.bind.annotation.PathVariable",
                "org.springframework.web.bind.annotation.RequestMapping",
                "org.springframework.web.bind.annotation.RequestParam",
                "org.springframework.web.bind.annotation.RestController"));
        StringBuilder body = new StringBuilder();
        for (int m = 0; m < count; m++) {
            String[] security = SECURITY[(first + m) % SECURITY.length];
            if (padlock && security[1] != null && !imports.contains(security[1])) {
                imports.add(security[1]);
            }
            String parameters = (padlock ? security[0] + ", " : "")
                    + "@PathVariable long id, @RequestParam(required = false) String q";
            String principal = padlock ? ", \"principal\", String.valueOf(principal)" : "";
            body.append(String.format("""

                        @GetMapping("/m%02d/{id}")
                        Map<String, Object> m%02d(%s) {
                            return Map.of("controller", %d, "method", %d, "id", id%s);
                        }
                    """, m, m, parameters, c, m, principal));
        }
        if (padlock) {
            imports.add("io.github.padlock.SecurityParam");
        }
        StringBuilder source = new StringBuilder("package bench.scale;\n\n");
        imports.stream().sorted().forEach((name) -> source.append("import ").append(name).append(";\n"));
        return source.append(String.format("""

                @RestController
                @RequestMapping("/c%03d")
                class Controller%03d {
                %s}
                """, c, c, body)).toString();
    }

    static String pom(boolean padlock, String bootVersion, String springdocVersion, String padlockVersion) {
        String padlockDependency = padlock ? """
                        <dependency>
                            <groupId>io.github.padlock</groupId>
                            <artifactId>padlock-spring-boot-autoconfigure</artifactId>
                            <version>%s</version>
                        </dependency>
                """.formatted(padlockVersion) : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                    <modelVersion>4.0.0</modelVersion>
                    <parent>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-starter-parent</artifactId>
                        <version>%s</version>
                        <relativePath/>
                    </parent>
                    <groupId>bench.scale</groupId>
                    <artifactId>scale-%s</artifactId>
                    <version>0.0.0</version>
                    <properties>
                        <java.version>17</java.version>
                    </properties>
                    <dependencies>
                        <dependency>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>spring-boot-starter-webmvc</artifactId>
                        </dependency>
                        <dependency>
                            <groupId>org.springdoc</groupId>
                            <artifactId>springdoc-openapi-starter-webmvc-api</artifactId>
                            <version>%s</version>
                        </dependency>
                %s    </dependencies>
                    <build>
                        <finalName>app</finalName>
                        <plugins>
                            <plugin>
                                <groupId>org.springframework.boot</groupId>
                                <artifactId>spring-boot-maven-plugin</artifactId>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(bootVersion, padlock ? "padlock" : "plain", springdocVersion, padlockDependency);
    }

    static final String SECURITY_CONFIGURATION = """
            package bench.scale;

            import java.nio.charset.StandardCharsets;
            import java.security.MessageDigest;
            import java.util.Map;

            import io.github.padlock.NotAuthenticatedException;
            import io.github.padlock.Verifier;
            import io.github.padlock.jwt.JwtPrincipal;
            import io.github.padlock.jwt.JwtSettings;
            import io.github.padlock.jwt.JwtDecoder;
            import io.github.padlock.jwt.JwtVerifiers;
            import io.github.padlock.scheme.ApiKeyHeader;
            import io.github.padlock.scheme.HttpBasic;
            import io.github.padlock.scheme.HttpBearer;
            import io.github.padlock.scheme.OAuth2PasswordBearer;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;

            /** Four schemes and four verifiers, the handlers' @SecurityParams rotate over them. */
            @Configuration(proxyBeanMethods = false)
            class SecurityConfiguration {

                private static final byte[] PASSWORD = "password123".getBytes(StandardCharsets.UTF_8);

                private static final byte[] API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c"
                    .getBytes(StandardCharsets.UTF_8);

                @Bean
                HttpBasic basicAuth() {
                    return HttpBasic.builder().build();
                }

                @Bean
                Verifier<String> basicUser(HttpBasic basicAuth) {
                    return Verifier.of(basicAuth, (credentials, scopes) -> {
                        if (!MessageDigest.isEqual(credentials.password().getBytes(StandardCharsets.UTF_8), PASSWORD)) {
                            throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
                        }
                        return credentials.username();
                    });
                }

                @Bean
                ApiKeyHeader apiKeyHeader() {
                    return ApiKeyHeader.builder().name("X-API-KEY").build();
                }

                @Bean
                Verifier<String> apiKeyUser(ApiKeyHeader apiKeyHeader) {
                    return Verifier.of(apiKeyHeader, (key, scopes) -> {
                        if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), API_KEY)) {
                            throw new NotAuthenticatedException("Invalid API key", "APIKey");
                        }
                        return "demo";
                    });
                }

                @Bean
                HttpBearer bearerAuth() {
                    return HttpBearer.builder().build();
                }

                @Bean
                Verifier<String> tokenUser(HttpBearer bearerAuth) {
                    Map<String, String> tokens = Map.of("opaque-7Qx2rV9mWc4LkT1nHs8yBd3Fp6Zj0GaE", "stanley");
                    return Verifier.of(bearerAuth, (credentials, scopes) -> {
                        String user = tokens.get(credentials.credentials());
                        if (user == null) {
                            throw new NotAuthenticatedException("Invalid token", "Bearer");
                        }
                        return user;
                    });
                }

                @Bean
                OAuth2PasswordBearer oauth2Scheme() {
                    return OAuth2PasswordBearer.builder("/token").scopes(Map.of("items:read", "Read items.")).build();
                }

                @Bean
                JwtDecoder jwtDecoder() {
                    return new JwtDecoder(JwtSettings.builder()
                        .secret("scale-benchmark-secret-with-more-than-32-bytes")
                        .build());
                }

                @Bean
                Verifier<JwtPrincipal> jwtUser(OAuth2PasswordBearer oauth2Scheme, JwtDecoder jwtDecoder) {
                    return JwtVerifiers.over(oauth2Scheme, jwtDecoder);
                }
            }
            """;
}
