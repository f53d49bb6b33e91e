package io.github.qlikevents.camel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Qlik system-event domain an endpoint reads; the URI path. Only license events for now. */
public enum Channel {

    /** Qlik's {@code system-events.licenses} channel. */
    LICENSES;

    /** The channel named in an endpoint URI, with an error naming the supported ones. */
    public static Channel of(String name) {
        for (Channel channel : values()) {
            if (channel.uriName().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "' in qlik-license-events:" + name
                                           + ". Supported: " + Arrays.stream(values()).map(Channel::uriName)
                                                   .collect(Collectors.joining(", ")));
    }

    /** The name in the endpoint URI. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
