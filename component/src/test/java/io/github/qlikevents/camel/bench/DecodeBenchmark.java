package io.github.qlikevents.camel.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.model.LeaseUpdated;
import io.github.qlikevents.camel.sandbox.EventGenerator;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import io.github.qlikevents.camel.sandbox.EventDocuments;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes of one event to a typed body and headers, for each envelope and a mix of every license type, against three
 * baselines on the same bytes: plain Jackson into a record of the same fields (the limit), the CloudEvents Java SDK
 * (the peer) and what users write today (a Map and headers copied by hand).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {

    /** The CloudEvents envelope with the data of a lease update: the fields plain Jackson is given. */
    public record PlainLeaseUpdatedEvent(
            @JsonProperty("specversion") String specversion, @JsonProperty("id") String id,
            @JsonProperty("type") String type, @JsonProperty("source") String source,
            @JsonProperty("time") Instant time, @JsonProperty("datacontenttype") String datacontenttype,
            @JsonProperty("tenantid") String tenantid, @JsonProperty("userid") String userid,
            @JsonProperty("data") LeaseUpdated data) {
    }

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();
    private final ObjectReader plainReader = QlikJson.mapper().readerFor(PlainLeaseUpdatedEvent.class);
    private final ObjectReader dataReader = QlikJson.mapper().readerFor(LeaseUpdated.class);
    private final ObjectReader mapReader = new ObjectMapper().readerFor(Map.class);
    private final EventFormat sdk = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private CamelContext camel;
    byte[] cloudEvent;
    byte[] auditItem;
    byte[] legacyWebhook;
    byte[][] mix;
    private int next;

    @Setup
    public void setUp() {
        camel = new DefaultCamelContext();
        EventGenerator generator = new EventGenerator(7, "bench-tenant");
        SandboxEvent lease = generator.event(7, Instant.parse("2026-11-20T10:00:00Z"));
        cloudEvent = EventDocuments.cloudEvent(lease);
        auditItem = EventDocuments.auditItem(lease, "https://bench.example");
        legacyWebhook = EventDocuments.hybridWebhook(lease);
        mix = new byte[30][];
        for (int i = 0; i < mix.length; i++) {
            SandboxEvent event = generator.event(i, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i));
            mix[i] = List.of(EventDocuments.cloudEvent(event), EventDocuments.auditItem(event, "https://bench.example"),
                    EventDocuments.hybridWebhook(event)).get(i % 3);
        }
    }

    @Benchmark
    public Message componentCloudEvent() {
        return component(cloudEvent);
    }

    @Benchmark
    public Message componentAuditItem() {
        return component(auditItem);
    }

    @Benchmark
    public Message componentLegacyWebhook() {
        return component(legacyWebhook);
    }

    @Benchmark
    public Message componentMixOfAllTypes() {
        byte[] bytes = mix[next];
        next = (next + 1) % mix.length;
        return component(bytes);
    }

    /** The limit: plain Jackson databind of the same bytes into a record of the same fields, no headers. */
    @Benchmark
    public PlainLeaseUpdatedEvent baselinePlainJackson() throws IOException {
        return plainReader.readValue(cloudEvent);
    }

    /** The peer: the CloudEvents Java SDK, then the data mapped to the same record. */
    @Benchmark
    public LeaseUpdated baselineCloudEventsSdk() throws IOException {
        CloudEvent event = sdk.deserialize(cloudEvent);
        return dataReader.readValue(event.getData().toBytes());
    }

    /** What users write today: camel-jackson style unmarshal to a Map, attributes copied into headers by hand. */
    @Benchmark
    @SuppressWarnings("unchecked")
    public Message baselineMapAndHeaders() throws IOException {
        Map<String, Object> event = mapReader.readValue(cloudEvent);
        Message message = new DefaultMessage(camel);
        message.setHeader("CamelCloudEventID", event.get("id"));
        message.setHeader("CamelCloudEventType", event.get("type"));
        message.setHeader("CamelCloudEventSource", event.get("source"));
        message.setHeader("CamelCloudEventTime", event.get("time"));
        message.setHeader("CamelQlikTenantId", event.get("tenantid"));
        message.setHeader("CamelQlikUserId", event.get("userid"));
        message.setBody(event.get("data"));
        return message;
    }

    private Message component(byte[] bytes) {
        Message message = new DefaultMessage(camel);
        EventHeaders.apply(decoder.decode(bytes), message);
        return message;
    }
}
