package io.github.padlock.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.jdbc.PostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise: {@code spring.datasource.url=jdbc:postgresql://…} with a user name moves the demo's items,
 * users and API key to PostgreSQL, no code change — on a real PostgreSQL ({@link PostgresServer}). Started twice on the
 * same database, as a restart would: the tables and seed rows are kept, never duplicated.
 */
class DemoPostgresqlTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void demoWhenPostgresqlByUrlAloneThenItsUsersKeyAndItemsLiveThereAcrossRestarts() throws Exception {
        PostgresServer.assumeInstalled();
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase("demo");
        for (int start = 0; start < 2; start++) {
            try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(DemoApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + server.username())) {
                assertThat(send(demo, "/users/me", "Authorization", basic("stanley:password123")).body())
                    .isEqualTo("{\"username\":\"stanley\"}");
                assertThat(send(demo, "/users/me", "Authorization", basic("alice:secret2")).statusCode())
                    .isEqualTo(400);
                assertThat(send(demo, "/secure-data", "X-API-KEY", "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c")
                    .statusCode()).isEqualTo(200);
                assertThat(send(demo, "/items/", "Accept", "application/json").body()).contains("Key ring");
            }
        }
        JdbcClient database = JdbcClient.create(server.dataSource("demo"));
        assertThat(database.sql("SELECT COUNT(*) FROM padlock_users").query(Integer.class).single()).isEqualTo(2);
        assertThat(database.sql("SELECT COUNT(*) FROM padlock_api_keys").query(Integer.class).single()).isEqualTo(1);
        assertThat(database.sql("SELECT COUNT(*) FROM items").query(Integer.class).single()).isEqualTo(3);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext demo, String path, String header, String value)
            throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + demo.getEnvironment().getProperty("local.server.port") + path);
        return this.client.send(HttpRequest.newBuilder(uri).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
