package io.github.qlikevents.camel.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the sandbox answers.
 *
 * @param status   the HTTP status
 * @param body     the JSON body (empty when streamed)
 * @param headers  extra response headers
 * @param streamer writes a body too large to hold (a day of the archive) as it is sent, or null
 */
record SandboxResponse(int status, byte[] body, Map<String, String> headers, Streamer streamer) {

    /** Writes a response body to the client. */
    @FunctionalInterface
    interface Streamer {
        void write(OutputStream out) throws IOException;
    }

    static SandboxResponse json(int status, byte[] body) {
        return new SandboxResponse(status, body, Map.of(), null);
    }

    /** A 200 whose body is written while it is sent, chunked. */
    static SandboxResponse streamed(Streamer streamer) {
        return new SandboxResponse(200, new byte[0], Map.of(), streamer);
    }

    static SandboxResponse json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse error(int status, String title, String detail) {
        return json(status, QlikErrors.body(status, title, detail));
    }

    SandboxResponse withHeader(String name, String value) {
        return new SandboxResponse(status, body, Map.of(name, value), streamer);
    }
}
