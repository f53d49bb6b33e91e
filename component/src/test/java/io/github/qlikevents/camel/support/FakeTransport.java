package io.github.qlikevents.camel.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikTransport;

/** A fake tenant API for the fast unit tests: answers from a script, in order, and records every request. */
public final class FakeTransport implements QlikTransport {

    /** One request as sent. */
    public record Sent(String method, URI uri, String bearerToken, String body) {
    }

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile HttpResult whenScriptEnds;

    /** The next answer: {@code status} with a JSON body. */
    public FakeTransport answer(int status, String body) {
        return answer(status, null, body);
    }

    /** The next answer: {@code status} with a Retry-After header and a JSON body. */
    public FakeTransport answer(int status, String retryAfter, String body) {
        answers.add(new HttpResult(status, retryAfter, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The next request fails without a response (a timeout, a refused connection). */
    public FakeTransport fail(IOException failure) {
        answers.add(failure);
        return this;
    }

    /** The answer to every request after the scripted ones, e.g. an empty page for a poller that goes on. */
    public FakeTransport thenAlways(int status, String body) {
        whenScriptEnds = new HttpResult(status, null, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The requests sent so far. */
    public List<Sent> sent() {
        return sent;
    }

    @Override
    public synchronized HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException {
        sent.add(new Sent(method, uri, bearerToken,
                jsonBody == null ? null : new String(jsonBody, StandardCharsets.UTF_8)));
        Object answer = answers.isEmpty() ? whenScriptEnds : answers.poll();
        if (answer == null) {
            throw new AssertionError("no answer scripted for " + method + " " + uri);
        }
        if (answer instanceof IOException failure) {
            throw failure;
        }
        return (HttpResult) answer;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
