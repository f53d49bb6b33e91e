package io.github.qlikevents.camel.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Qlik API key, sent as it is. */
public final class ApiKeyAuth implements BearerAuth {

    private final String apiKey;

    public ApiKeyAuth(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String token() {
        return apiKey;
    }

    @Override
    public void invalidate() {
        // an API key cannot be refreshed
    }

    /** The start of the key's SHA-256: the key is never kept in a form that could be sent. */
    @Override
    public String principal() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "api-key:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyAuth[***]";
    }
}
