package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code com.qlik.core.ip-policy.deleted}: an IP policy was deleted; the data is the policy.
 *
 * @param ipPolicy the policy
 */
public record IpPolicyDeleted(@JsonValue IpPolicy ipPolicy) implements IpPolicyEvent {

    /** Jackson: the data is the policy. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public IpPolicyDeleted {
    }

    @Override
    public String eventType() {
        return QlikEventType.IP_POLICY_DELETED.typeName();
    }
}
