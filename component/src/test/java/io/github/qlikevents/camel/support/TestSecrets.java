package io.github.qlikevents.camel.support;

import java.util.List;

/**
 * The secrets every test uses: fixed and recognisable, so that a scan of the whole suite's log
 * ({@code SuiteLogSecretsScan}) can prove none of them was ever written.
 */
public final class TestSecrets {

    /** The API key the sandboxes of the tests accept. */
    public static final String API_KEY = "qlik-test-api-key-6f0e4b1a";
    /** An API key no sandbox accepts. */
    public static final String WRONG_API_KEY = "qlik-test-wrong-key-c3d9a7e2";
    /** The OAuth client secret of the tests. */
    public static final String CLIENT_SECRET = "qlik-test-client-secret-93b2f1";
    /** The webhook secret of the tests (32 to 64 characters, as Qlik wants). */
    public static final String WEBHOOK_SECRET = "qlik-test-webhook-secret-0123456789abcdef";

    /** A header value an API gateway in front of the receiver checks (a webhook's encrypted header). */
    public static final String GATEWAY_KEY = "qlik-test-gateway-key-5a1c7e90";

    /** Every secret above. */
    public static final List<String> ALL = List.of(API_KEY, WRONG_API_KEY, CLIENT_SECRET, WEBHOOK_SECRET, GATEWAY_KEY);

    private TestSecrets() {
    }
}
