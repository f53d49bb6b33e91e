package io.github.qlikevents.camel.http;

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

    @Override
    public String toString() {
        return "ApiKeyAuth[***]";
    }
}
