package io.github.qlikevents.camel.sandbox;

import java.time.Instant;

/**
 * A request the sandbox received, for tests to assert on. Never holds credentials.
 *
 * @param at         when it arrived
 * @param method     the HTTP method
 * @param path       the path
 * @param query      the raw query, or null
 * @param status     the status answered
 * @param authorized whether it carried a valid bearer token
 * @param credential which credential it carried: {@code api-key-N} (the N-th key configured, from 0), {@code oauth},
 *                   or null; never the credential itself
 */
public record SandboxRequest(Instant at, String method, String path, String query, int status, boolean authorized,
                             String credential) {
}
