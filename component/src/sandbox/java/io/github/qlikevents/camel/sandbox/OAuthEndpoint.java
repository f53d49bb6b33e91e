package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /oauth/token}: the client credentials grant, issuing bearer tokens that expire. */
final class OAuthEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> clients;
    private final Duration tokenLifetime;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    OAuthEndpoint(Map<String, String> clients, Duration tokenLifetime) {
        this.clients = Map.copyOf(clients);
        this.tokenLifetime = tokenLifetime;
    }

    SandboxResponse token(byte[] body, String contentType, Instant now) throws IOException {
        Map<String, String> form;
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            form = SandboxHttp.parseQuery(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            JsonNode json = JSON.readTree(body);
            form = Map.of("client_id", json.path("client_id").asText(""),
                    "client_secret", json.path("client_secret").asText(""),
                    "grant_type", json.path("grant_type").asText(""));
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return SandboxResponse.error(400, "Unsupported grant type", "use client_credentials");
        }
        String secret = clients.get(form.get("client_id"));
        if (secret == null || !secret.equals(form.get("client_secret"))) {
            return SandboxResponse.error(401, "Invalid client", "unknown client or wrong secret");
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "sbx." + HexFormat.of().formatHex(random);
        Instant expiry = now.plus(tokenLifetime);
        tokens.put(token, expiry);
        ObjectNode response = JSON.createObjectNode().put("access_token", token).put("token_type", "bearer")
                .put("expires_in", tokenLifetime.toSeconds()).put("expires_at", expiry.toString());
        return SandboxResponse.json(200, JSON.writeValueAsBytes(response));
    }

    boolean valid(String token, Instant now) {
        Instant expiry = tokens.get(token);
        return expiry != null && now.isBefore(expiry);
    }

    /** Revokes every token issued so far. */
    void revokeAll() {
        tokens.clear();
    }
}
