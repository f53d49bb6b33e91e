package io.github.qlikevents.camel.reliability;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import io.github.qlikevents.camel.webhook.QlikSignature;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and clumsy webhook traffic: no invalid request reaches the route, every valid one does, once. */
class WebhookAbuseTest extends WebhookTestSupport {

    private MockEndpoint events;

    @BeforeEach
    void startRoute() throws Exception {
        startWebhookContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(10_000));
                from(webhookUri("/qlik", "webhookAutoRegister=false&idempotentRepository=#seen")).routeId("webhook")
                        .to("mock:events");
            }
        });
        events = mock("events");
    }

    @Test
    void wrongContentTypeGets415() throws Exception {
        byte[] body = event("ct-1");

        HttpResponse<String> response = post("/qlik", body, Map.of("Content-Type", "text/plain",
                QlikSignature.HEADER, SIGNATURE.sign(body)));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void slowClientHoldsUpNobodyAndIsServedWhenItIsDone() throws Exception {
        byte[] slowBody = event("slow-1");
        events.expectedMessageCount(21);
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), URI.create(serverUrl()).getPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /qlik HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + QlikSignature.HEADER + ": " + SIGNATURE.sign(slowBody) + "\r\nContent-Length: "
                       + slowBody.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(slowBody, 0, slowBody.length / 2);
            out.flush();

            // while the slow client is half way through its body, twenty others are served
            for (int i = 0; i < 20; i++) {
                assertThat(postSigned("/qlik", event("quick-" + i)).statusCode()).isEqualTo(200);
            }
            assertThat(receivedIds(events)).doesNotContain("slow-1");

            out.write(slowBody, slowBody.length / 2, slowBody.length - slowBody.length / 2);
            out.flush();
            InputStream in = slow.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 200");
        }
        assertSatisfied(events);
        ReliabilityReport.record("webhook: a slow client beside 20 others", 21, events.getReceivedCounter(), 0,
                21 - events.getReceivedCounter());
    }

    @Test
    void twoHundredConcurrentDeliveriesAmongForgedAndBrokenOnes() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> valid = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> invalid = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        events.expectedMessageCount(200);
        for (int i = 0; i < 200; i++) {
            String id = "burst-" + i;
            ids.add(id);
            byte[] body = event(id);
            valid.add(send(body, SIGNATURE.sign(body)));
            // a replay of the same delivery, a forged signature, and a signed body that is no event
            valid.add(send(body, SIGNATURE.sign(body)));
            invalid.add(send(event("forged-" + i), SIGNATURE.sign(body)));
            byte[] noEvent = ("{\"id\":\"x-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            invalid.add(send(noEvent, SIGNATURE.sign(noEvent)));
        }

        for (CompletableFuture<HttpResponse<String>> response : valid) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        for (CompletableFuture<HttpResponse<String>> response : invalid) {
            assertThat(response.get().statusCode()).isIn(400, 401);
        }
        assertSatisfied(events);
        List<String> received = receivedIds(events);
        assertThat(new HashSet<>(received)).isEqualTo(ids);
        ReliabilityReport.record("webhook: 200 concurrent deliveries, each replayed, among 400 forged or broken", 400,
                new HashSet<>(received).size(), received.size() - new HashSet<>(received).size(),
                ids.size() - new HashSet<>(received).size());
    }

    private CompletableFuture<HttpResponse<String>> send(byte[] body, String signature) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(serverUrl() + "/qlik"))
                .header("Content-Type", "application/json").header(QlikSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] event(String id) {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.created");
        example.put("id", id);
        return example.toString().getBytes(StandardCharsets.UTF_8);
    }
}
