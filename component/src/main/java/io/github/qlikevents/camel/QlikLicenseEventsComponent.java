package io.github.qlikevents.camel;

import java.util.Map;

import io.github.qlikevents.camel.model.Channel;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.StringHelper;

/**
 * The {@code qlik-license-events:} component, also registered as {@code qlik-events:}: Qlik Cloud system events as
 * typed Camel messages. Camel creates one instance per scheme; an instance without a tenantUrl of its own uses the
 * configuration of the other scheme's, so the component is configured once, under either name.
 */
@org.apache.camel.spi.annotations.Component("qlik-license-events,qlik-events")
public class QlikLicenseEventsComponent extends HealthCheckComponent {

    static final String SCHEME = "qlik-license-events";
    static final String ALIAS = "qlik-events";

    @Metadata(description = "Options shared by every endpoint of this component")
    private QlikLicenseEventsConfiguration configuration = new QlikLicenseEventsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        QlikLicenseEventsEndpoint endpoint = new QlikLicenseEventsEndpoint(uri, this, Channel.of(remaining),
                sharedConfiguration(StringHelper.before(uri, ":")).copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** This instance's configuration, or the other scheme's when only that one names a tenant. */
    private QlikLicenseEventsConfiguration sharedConfiguration(String scheme) {
        if (configuration.getTenantUrl() != null || scheme == null) {
            return configuration;
        }
        Component other = getCamelContext().getComponent(SCHEME.equals(scheme) ? ALIAS : SCHEME, true);
        return other instanceof QlikLicenseEventsComponent sibling && sibling != this
               && sibling.configuration.getTenantUrl() != null ? sibling.configuration : configuration;
    }

    public QlikLicenseEventsConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every endpoint of this component. */
    public void setConfiguration(QlikLicenseEventsConfiguration configuration) {
        this.configuration = configuration;
    }
}
