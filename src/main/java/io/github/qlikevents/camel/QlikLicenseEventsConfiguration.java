package io.github.qlikevents.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options shared by the polling and webhook modes; set per endpoint, or once on the component. */
@UriParams
public class QlikLicenseEventsConfiguration implements Cloneable {

    @UriParam(label = "common")
    @Metadata(required = true)
    private String tenantUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "common",
              description = "Comma-separated event types to deliver. A name ending in an asterisk (wildcard) matches"
                            + " every type with that prefix: com.qlik.v1.license.lease. plus an asterisk selects the"
                            + " lease events. Default: every license event type, including types Qlik adds later.")
    private String eventTypes;

    public String getTenantUrl() {
        return tenantUrl;
    }

    /**
     * The base URL of the Qlik Cloud tenant, e.g. https://acme.eu.qlikcloud.com. Must be https, except for a loopback
     * host (the embedded sandbox, tests).
     */
    public void setTenantUrl(String tenantUrl) {
        this.tenantUrl = tenantUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** A Qlik API key, sent as a bearer token. Set either this or clientId and clientSecret. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getClientId() {
        return clientId;
    }

    /** The client id of a Qlik OAuth2 machine-to-machine client (client credentials grant). */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The client secret of the Qlik OAuth2 machine-to-machine client. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * Comma-separated event types to deliver; a trailing * matches a prefix, e.g. com.qlik.v1.license.lease.*.
     * Default: every license event type, including types Qlik adds later.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** A copy for one endpoint, so endpoint options never change the component's. */
    public QlikLicenseEventsConfiguration copy() {
        try {
            return (QlikLicenseEventsConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
