package io.github.qlikevents.camel.model;

/** An IP policy event: a policy was created, deleted or updated; each carries the whole policy. */
public sealed interface IpPolicyEvent extends QlikEvent permits IpPolicyCreated, IpPolicyDeleted, IpPolicyUpdated {

    /** The IP policy as the event carries it. */
    IpPolicy ipPolicy();
}
