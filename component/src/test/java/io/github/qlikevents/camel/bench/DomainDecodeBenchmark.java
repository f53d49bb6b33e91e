package io.github.qlikevents.camel.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.model.AutomationRunEnded;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.LeaseUpdated;
import io.github.qlikevents.camel.model.PropertyUpdate;
import io.github.qlikevents.camel.model.QlikEventType;
import io.github.qlikevents.camel.sandbox.EventDocuments;
import io.github.qlikevents.camel.sandbox.EventGenerator;
import io.github.qlikevents.camel.sandbox.SandboxEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One event of each domain, as a CloudEvents document from the sandbox, to a typed body and headers, against plain
 * Jackson into a flat record of the same fields (the limit): the update events, which carry the most fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DomainDecodeBenchmark {

    /** The CloudEvents envelope around a plain record of the data's fields. */
    public record PlainEvent<T>(
            @JsonProperty("specversion") String specversion, @JsonProperty("id") String id,
            @JsonProperty("type") String type, @JsonProperty("source") String source,
            @JsonProperty("time") Instant time, @JsonProperty("datacontenttype") String datacontenttype,
            @JsonProperty("tenantid") String tenantid, @JsonProperty("userid") String userid,
            @JsonProperty("authtype") String authtype, @JsonProperty("sessionid") String sessionid,
            @JsonProperty("authclaims") String authclaims, @JsonProperty("traceparent") String traceparent,
            @JsonProperty("tracestate") String tracestate, @JsonProperty("data") T data) {
    }

    /** The fields of a role update, flat. */
    public record PlainRoleUpdated(
            @JsonProperty("id") String id, @JsonProperty("name") String name, @JsonProperty("type") String type,
            @JsonProperty("level") String level, @JsonProperty("canEdit") Boolean canEdit,
            @JsonProperty("fullUser") Boolean fullUser, @JsonProperty("tenantId") String tenantId,
            @JsonProperty("canDelete") Boolean canDelete, @JsonProperty("createdAt") Instant createdAt,
            @JsonProperty("createdBy") String createdBy, @JsonProperty("updatedBy") String updatedBy,
            @JsonProperty("description") String description, @JsonProperty("lastUpdatedAt") Instant lastUpdatedAt,
            @JsonProperty("assignedScopes") List<String> assignedScopes,
            @JsonProperty("userEntitlementType") String userEntitlementType,
            @JsonProperty("_updates") List<PropertyUpdate> updates) {
    }

    /** The fields of a web integration update, flat. */
    public record PlainWebIntegrationUpdated(
            @JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("validOrigins") List<String> validOrigins,
            @JsonProperty("_updates") List<PropertyUpdate> updates) {
    }

    /** The fields of an IP policy update, flat. */
    public record PlainIpPolicyUpdated(
            @JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("enabled") Boolean enabled, @JsonProperty("editable") Boolean editable,
            @JsonProperty("tenantId") String tenantId, @JsonProperty("createdAt") Instant createdAt,
            @JsonProperty("createdBy") String createdBy, @JsonProperty("deletable") Boolean deletable,
            @JsonProperty("updatedAt") Instant updatedAt, @JsonProperty("updatedBy") String updatedBy,
            @JsonProperty("allowedIps") List<String> allowedIps, @JsonProperty("toggleable") Boolean toggleable,
            @JsonProperty("_updates") List<PropertyUpdate> updates) {
    }

    /** The event decoded: one update event of each domain. */
    @Param({ "LEASE_UPDATED", "AUTOMATION_RUN_ENDED", "ROLE_UPDATED", "WEB_INTEGRATION_UPDATED", "IP_POLICY_UPDATED" })
    public String type;

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();
    private CamelContext camel;
    private ObjectReader plainReader;
    byte[] document;

    @Setup(Level.Trial)
    public void setUp() {
        camel = new DefaultCamelContext();
        QlikEventType eventType = QlikEventType.valueOf(type);
        document = EventDocuments.cloudEvent(eventOf(eventType));
        plainReader = QlikJson.mapper().readerFor(switch (eventType) {
            case LEASE_UPDATED -> new TypeReference<PlainEvent<LeaseUpdated>>() { };
            case AUTOMATION_RUN_ENDED -> new TypeReference<PlainEvent<AutomationRunEnded>>() { };
            case ROLE_UPDATED -> new TypeReference<PlainEvent<PlainRoleUpdated>>() { };
            case WEB_INTEGRATION_UPDATED -> new TypeReference<PlainEvent<PlainWebIntegrationUpdated>>() { };
            case IP_POLICY_UPDATED -> new TypeReference<PlainEvent<PlainIpPolicyUpdated>>() { };
            default -> throw new IllegalArgumentException(type);
        });
    }

    /** The first event of this type the sandbox generates for all five domains. */
    static SandboxEvent eventOf(QlikEventType type) {
        EventGenerator generator = new EventGenerator(7, "bench-tenant", java.util.EnumSet.allOf(Channel.class));
        for (long index = 0;; index++) {
            SandboxEvent event = generator.event(index, Instant.parse("2026-11-20T10:00:00Z"));
            if (event.type().equals(type.typeName())) {
                return event;
            }
        }
    }

    @Benchmark
    public Message component() {
        Message message = new DefaultMessage(camel);
        EventHeaders.apply(decoder.decode(document), message);
        return message;
    }

    /** The limit: plain Jackson databind of the same bytes into a flat record of the same fields, no headers. */
    @Benchmark
    public Object baselinePlainJackson() throws IOException {
        return plainReader.readValue(document);
    }
}
