package io.github.qlikevents.camel;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.github.qlikevents.camel.http.ApiKeyAuth;
import io.github.qlikevents.camel.http.BearerAuth;
import io.github.qlikevents.camel.http.OAuthClientCredentials;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikTransport;
import io.github.qlikevents.camel.http.RetryPolicy;
import io.github.qlikevents.camel.http.SharedHttpClients;
import io.github.qlikevents.camel.http.TenantUrl;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.core5.http.HttpHost;

/**
 * Builds an endpoint's client for the tenant's API from its options: checks the tenant URL and the credentials, and
 * sends through the configured {@code transport}, else through the built-in Apache HttpClient 5 one that the JVM's
 * endpoints with the same connection settings share.
 */
final class QlikApiClientFactory {

    /** The longest backoff between retries, whatever retryDelay and the attempt count give. */
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final int DEFAULT_PROXY_PORT = 8080;

    private QlikApiClientFactory() {
    }

    static QlikApiClient create(QlikLicenseEventsConfiguration configuration, CamelContext context, Clock clock)
            throws Exception {
        TenantUrl tenant = TenantUrl.of(configuration.getTenantUrl());
        BearerAuth auth = auth(configuration, clock);
        QlikTransport transport = configuration.getTransport() != null ? configuration.getTransport()
                : httpClient(configuration, context);
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryDelay()), MAX_RETRY_DELAY);
        return new QlikApiClient(tenant, transport, auth, retry, configuration.getMaxRequestsPerMinute());
    }

    /** The JVM's shared HTTP client for the endpoint's connection settings. */
    private static QlikTransport httpClient(QlikLicenseEventsConfiguration configuration, CamelContext context) {
        HttpHost proxy = configuration.getProxyHost() == null ? null
                : new HttpHost(configuration.getProxyHost(),
                        configuration.getProxyPort() == null ? DEFAULT_PROXY_PORT : configuration.getProxyPort());
        SSLContextParameters tls = configuration.getSslContextParameters();
        return SharedHttpClients.acquire(new SharedHttpClients.Settings(configuration.getConnectTimeout(),
                configuration.getReadTimeout(), proxy, tls), () -> sslContext(tls, context));
    }

    private static SSLContext sslContext(SSLContextParameters tls, CamelContext context) {
        try {
            return tls == null ? null : tls.createSSLContext(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Option sslContextParameters gives no SSL context: " + e.getMessage(),
                    e);
        }
    }

    private static BearerAuth auth(QlikLicenseEventsConfiguration configuration, Clock clock) {
        boolean apiKey = notBlank(configuration.getApiKey());
        boolean clientId = notBlank(configuration.getClientId());
        boolean clientSecret = notBlank(configuration.getClientSecret());
        if (apiKey && (clientId || clientSecret)) {
            throw new IllegalArgumentException("Options apiKey and clientId/clientSecret are both set: use either an "
                                               + "API key or an OAuth2 client, not both");
        }
        if (apiKey) {
            return new ApiKeyAuth(configuration.getApiKey());
        }
        if (clientId != clientSecret) {
            throw new IllegalArgumentException("Option " + (clientId ? "clientSecret" : "clientId")
                                               + " is missing: an OAuth2 client needs both clientId and clientSecret");
        }
        if (!clientId) {
            throw new IllegalArgumentException("No credentials: set option apiKey, or clientId and clientSecret of a "
                                               + "Qlik OAuth2 machine-to-machine client");
        }
        return new OAuthClientCredentials(configuration.getClientId(), configuration.getClientSecret(), clock);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
