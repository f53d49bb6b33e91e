package io.github.qlikevents.camel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code com.qlik.core.ip-policy.created}: an IP policy was created; the data is the policy.
 *
 * @param ipPolicy the policy
 */
public record IpPolicyCreated(@JsonValue IpPolicy ipPolicy) implements IpPolicyEvent {

    /** Jackson: the data is the policy. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public IpPolicyCreated {
    }

    @Override
    public String eventType() {
        return QlikEventType.IP_POLICY_CREATED.typeName();
    }
}
