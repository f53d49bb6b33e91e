package io.github.qlikevents.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code qlik-license-events:} component: Qlik Cloud license events as typed Camel messages. */
@Component("qlik-license-events")
public class QlikLicenseEventsComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every endpoint of this component")
    private QlikLicenseEventsConfiguration configuration = new QlikLicenseEventsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        QlikLicenseEventsEndpoint endpoint = new QlikLicenseEventsEndpoint(uri, this, Channel.of(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public QlikLicenseEventsConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every endpoint of this component. */
    public void setConfiguration(QlikLicenseEventsConfiguration configuration) {
        this.configuration = configuration;
    }
}
