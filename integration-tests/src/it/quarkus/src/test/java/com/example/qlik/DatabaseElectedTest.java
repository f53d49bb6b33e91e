package com.example.qlik;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/ha/database-elected.camel.yaml on Quarkus, configured by properties alone: master: finds the route file's
 * JdbcClusterService, the replica takes the lease row of its namespace in the database, polls from the position it
 * stores there, and /q/health shows its leadership check and its poller.
 */
@QuarkusTest
@TestProfile(DatabaseElected.class)
class DatabaseElectedTest {

    DatabaseElected.Database.Resources resources;

    @Test
    void masterLeadsFromTheDatabaseAndHealthShowsIt() throws Exception {
        String newest = resources.tenant().feed().snapshot().stream().map(SandboxEvent::eventId)
                .reduce((first, second) -> second).orElseThrow();
        await("the lease row of namespace qlik-licenses held by this replica").atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> "quarkus-replica".equals(query("SELECT HOLDER FROM QLIK_EVENTS_LEADERS WHERE NAME = "
                                                            + "'qlik-licenses'")));
        await("the position after the newest event stored").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> String.valueOf(query("SELECT STATE_VALUE FROM QLIK_EVENTS_STATE")).contains(newest));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + resources.port() + "/q/health")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"name\": \"jdbc-cluster-service\",\\s*\"status\": \"UP\"")
                .contains("\"leads\": \"[qlik-licenses]\"")
                .containsPattern("\"name\": \"consumer:licenses-on-the-leader\",\\s*\"status\": \"UP\",\\s*\"data\": "
                                 + "\\{\\s*\"endpoint.uri\": \"qlik-license-events://licenses");
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(resources.jdbcUrl());
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
