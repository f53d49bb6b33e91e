package io.github.qlikevents.camel.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.model.LeaseCreated;
import io.github.qlikevents.camel.model.LeaseUpdated;
import io.github.qlikevents.camel.support.Envelopes;
import io.github.qlikevents.camel.support.Envelopes.Shape;
import io.github.qlikevents.camel.support.WebhookTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP deliveries to a webhook route: only signed, well-formed events reach the route, each once. */
class WebhookReceiveTest extends WebhookTestSupport {

    private static final String LEASE = "com.qlik.v1.license.lease.created";

    private final AtomicBoolean failNext = new AtomicBoolean();
    private MockEndpoint events;

    @BeforeEach
    void startRoutes() throws Exception {
        startWebhookContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository());
                from(webhookUri("/qlik", "webhookAutoRegister=false")).routeId("webhook")
                        .process(e -> {
                            if (failNext.compareAndSet(true, false)) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        })
                        .to("mock:events");
                from(webhookUri("/qlik-dedupe", "webhookAutoRegister=false&idempotentRepository=#seen"))
                        .routeId("dedupe").to("mock:dedupe");
            }
        });
        events = mock("events");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void validSignatureDeliversTheTypedBodyAndHeadersOfThePoller(Shape shape) throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), shape);
        events.expectedMessageCount(1);

        HttpResponse<String> response = postSigned("/qlik", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertSatisfied(events);
        Exchange exchange = events.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(LeaseCreated.class);
        Map<String, Object> expected = headersOf(body);
        expected.remove(QlikLicenseEventsConstants.AUDIT_ID);
        assertThat(exchange.getMessage().getHeaders()).containsAllEntriesOf(expected)
                .doesNotContainKey(QlikSignature.HEADER);
    }

    @Test
    void missingWrongAndForeignSignaturesAreRefusedWith401AndNeverReachTheRoute() throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        byte[] other = Envelopes.wrap(Envelopes.example("com.qlik.license.definition.updated"), Shape.CLOUD_EVENT);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"size\":4", "\"size\":400")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(post("/qlik", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/qlik", body, Map.of(QlikSignature.HEADER, "00ff")).statusCode()).isEqualTo(401);
        assertThat(post("/qlik", body, Map.of(QlikSignature.HEADER, "not hex")).statusCode()).isEqualTo(401);
        assertThat(post("/qlik", body, Map.of(QlikSignature.HEADER, SIGNATURE.sign(other))).statusCode())
                .isEqualTo(401);
        assertThat(post("/qlik", tampered, Map.of(QlikSignature.HEADER, SIGNATURE.sign(body))).statusCode())
                .isEqualTo(401);
        // a valid request afterwards is the only one the route sees
        events.expectedMessageCount(1);
        assertThat(postSigned("/qlik", body).statusCode()).isEqualTo(200);
        assertSatisfied(events);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void upperCaseHexSignatureIsAccepted() throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);

        HttpResponse<String> response = post("/qlik", body,
                Map.of(QlikSignature.HEADER, SIGNATURE.sign(body).toUpperCase()));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndDocumentsThatAreNoEventGet400WithAReason() throws Exception {
        HttpResponse<String> malformed = postSigned("/qlik", "{\"type\": ".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noEvent = postSigned("/qlik", "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(noEvent.body()).contains("not a Qlik event");
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void oversizeBodyGets413() throws Exception {
        ObjectNode example = Envelopes.example(LEASE);
        ((ObjectNode) example.get("data")).put("padding", "x".repeat(1_100_000));

        HttpResponse<String> response = postSigned("/qlik", example.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void gzipBodyIsInflatedAndItsSignatureChecked() throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        byte[] gzipped = gzip(body);
        events.expectedMessageCount(2);

        HttpResponse<String> signedCompressed = post("/qlik", gzipped,
                Map.of("Content-Encoding", "gzip", QlikSignature.HEADER, SIGNATURE.sign(gzipped)));
        HttpResponse<String> signedPlain = post("/qlik", gzipped,
                Map.of("Content-Encoding", "gzip", QlikSignature.HEADER, SIGNATURE.sign(body)));

        assertThat(signedCompressed.statusCode()).isEqualTo(200);
        assertThat(signedPlain.statusCode()).isEqualTo(200);
        assertSatisfied(events);
    }

    @Test
    void gzipBombGets413() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);

        HttpResponse<String> response = post("/qlik", bomb,
                Map.of("Content-Encoding", "gzip", QlikSignature.HEADER, SIGNATURE.sign(bomb)));

        assertThat(bomb.length).isLessThan(1_048_576);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void routeFailureGets500AndQliksRetryGets200() throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        failNext.set(true);
        events.expectedMessageCount(1);

        HttpResponse<String> first = postSigned("/qlik", body);
        HttpResponse<String> retry = postSigned("/qlik", body);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("downstream unavailable");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertSatisfied(events);
    }

    @Test
    void duplicateDeliveryWithIdempotentRepositoryIsOneExchange() throws Exception {
        byte[] body = Envelopes.wrap(Envelopes.example(LEASE), Shape.CLOUD_EVENT);
        MockEndpoint dedupe = mock("dedupe");
        dedupe.expectedMessageCount(1);

        assertThat(postSigned("/qlik-dedupe", body).statusCode()).isEqualTo(200);
        assertThat(postSigned("/qlik-dedupe", body).statusCode()).isEqualTo(200);
        assertThat(postSigned("/qlik-dedupe", Envelopes.wrap(Envelopes.example(LEASE), Shape.LEGACY_WEBHOOK))
                .statusCode()).isEqualTo(200);

        assertSatisfied(dedupe);
        assertThat(dedupe.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void binaryModeCloudEventIsDecodedFromHeadersAndBody() throws Exception {
        ObjectNode example = Envelopes.example("com.qlik.v1.license.lease.updated");
        byte[] data = example.get("data").toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(Map.of(
                "ce-specversion", "1.0", "ce-id", "binary-1", "ce-type", "com.qlik.v1.license.lease.updated",
                "ce-source", "com.qlik/licenses", "ce-time", "2026-11-20T10:00:00Z", "ce-tenantid", "t-9",
                QlikSignature.HEADER, SIGNATURE.sign(data)));
        events.expectedMessageCount(1);

        HttpResponse<String> response = post("/qlik", data, headers);

        assertThat(response.statusCode()).isEqualTo(200);
        assertSatisfied(events);
        Exchange exchange = events.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getBody(LeaseUpdated.class).leasedQuantity()).isEqualTo(42);
        assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID)).isEqualTo("binary-1");
        assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.TENANT_ID)).isEqualTo("t-9");
        assertThat(exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_TIME))
                .isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void wrongMethodIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(serverUrl() + "/qlik")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void hundredConcurrentSignedDeliveriesAreHundredExchanges() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        events.expectedMessageCount(100);
        for (int i = 0; i < 100; i++) {
            ObjectNode example = Envelopes.example(LEASE);
            example.put("id", "concurrent-" + i);
            ids.add("concurrent-" + i);
            byte[] body = example.toString().getBytes(StandardCharsets.UTF_8);
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(serverUrl() + "/qlik"))
                    .header(QlikSignature.HEADER, SIGNATURE.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertSatisfied(events);
        assertThat(receivedIds(events)).containsExactlyInAnyOrderElementsOf(ids);
    }

    private static Map<String, Object> headersOf(byte[] body) {
        org.apache.camel.support.DefaultMessage message = new org.apache.camel.support.DefaultMessage(
                new org.apache.camel.impl.DefaultCamelContext());
        io.github.qlikevents.camel.decoding.EventHeaders.apply(QlikEventDecoder.getDefault().decode(body), message);
        return new HashMap<>(message.getHeaders());
    }

    private static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }
}
