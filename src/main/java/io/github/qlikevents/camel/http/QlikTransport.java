package io.github.qlikevents.camel.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;

/**
 * One HTTP request to the tenant and its whole response: the seam between {@link QlikApiClient} (credentials,
 * retries, rate limits, same-origin rule) and the wire. The default is {@link QlikHttpClient} (Apache HttpClient 5);
 * set the component's {@code transport} option to supply another, e.g. a fake API in tests.
 */
public interface QlikTransport extends Closeable {

    /**
     * Sends one request and reads the whole response; no retries, no redirects.
     *
     * @param  bearerToken the token for the Authorization header, or null for none
     * @param  jsonBody    a JSON body, or null
     * @throws IOException when the request could not be sent or the response not read (timeouts included)
     */
    HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException;
}
