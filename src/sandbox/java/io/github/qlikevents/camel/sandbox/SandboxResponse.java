package io.github.qlikevents.camel.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the sandbox answers.
 *
 * @param status  the HTTP status
 * @param body    the JSON body
 * @param headers extra response headers
 */
record SandboxResponse(int status, byte[] body, Map<String, String> headers) {

    static SandboxResponse json(int status, byte[] body) {
        return new SandboxResponse(status, body, Map.of());
    }

    static SandboxResponse json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse error(int status, String title, String detail) {
        return json(status, QlikErrors.body(status, title, detail));
    }

    SandboxResponse withHeader(String name, String value) {
        return new SandboxResponse(status, body, Map.of(name, value));
    }
}
