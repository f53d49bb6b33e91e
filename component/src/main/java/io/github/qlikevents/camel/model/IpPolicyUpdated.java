package io.github.qlikevents.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code com.qlik.core.ip-policy.updated}: an IP policy was updated; the data is the policy as it is now, plus
 * {@link #updates()} (Qlik's {@code _updates}, values of any JSON type).
 *
 * @param ipPolicy the policy after the change
 * @param updates  what changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IpPolicyUpdated(
        @JsonUnwrapped IpPolicy ipPolicy,
        @JsonProperty("_updates") List<PropertyUpdate> updates) implements IpPolicyEvent {

    /** An absent {@code _updates} is an empty list; the list is unmodifiable. */
    public IpPolicyUpdated {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }

    @Override
    public String eventType() {
        return QlikEventType.IP_POLICY_UPDATED.typeName();
    }
}
