package io.github.qlikevents.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Receive Qlik Cloud license events (assignments, leases, license definitions, tenant association, data volume,
 * purges) as typed bodies with CloudEvents headers, by polling the Audits API or from signed Qlik webhooks.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "qlik-license-events", title = "Qlik License Events",
             syntax = "qlik-license-events:channel", consumerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.MONITORING },
             headersClass = QlikLicenseEventsConstants.class)
public class QlikLicenseEventsEndpoint extends ScheduledPollEndpoint {

    @UriPath(enums = "licenses", description = "The Qlik system-event domain: licenses")
    @Metadata(required = true)
    private final String channel;
    @UriParam
    private final QlikLicenseEventsConfiguration configuration;

    public QlikLicenseEventsEndpoint(String uri, QlikLicenseEventsComponent component, Channel channel,
                                     QlikLicenseEventsConfiguration configuration) {
        super(uri, component);
        this.channel = channel.uriName();
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("qlik-license-events is consumer only: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("the polling consumer is not built yet");
    }

    public String getChannel() {
        return channel;
    }

    public QlikLicenseEventsConfiguration getConfiguration() {
        return configuration;
    }
}
