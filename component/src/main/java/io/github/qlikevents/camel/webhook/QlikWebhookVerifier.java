package io.github.qlikevents.camel.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A processor for routes that receive Qlik webhooks on their own HTTP endpoint (platform-http, a Kamelet, an existing
 * flow): it checks the {@code Qlik-Signature} of the request and leaves the verified JSON as the body, ready for the
 * {@code qlik-license-events:event} transformer. A bad signature raises {@link QlikSignatureException}, a body over
 * {@code maxBodySize} raises {@link RequestBodyTooLargeException}; map them to 401 and 413 with onException. Usable
 * as a bean from YAML: {@code type: io.github.qlikevents.camel.webhook.QlikWebhookVerifier}, property
 * {@code secret}.
 */
public class QlikWebhookVerifier implements Processor {

    private QlikSignature signature;
    private int maxBodySize = 1_048_576;

    /** The webhook secret, 32 to 64 characters. */
    public void setSecret(String secret) {
        this.signature = QlikSignature.withSecret(secret, "secret");
    }

    /** The largest body accepted, in bytes, after gzip decompression. */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (signature == null) {
            throw new IllegalStateException("QlikWebhookVerifier needs its secret property");
        }
        exchange.getMessage().setBody(SignedBody.verified(exchange.getMessage(), signature, maxBodySize));
        exchange.getMessage().removeHeader(QlikSignature.HEADER);
        exchange.getMessage().removeHeader("Content-Encoding");
    }

    @Override
    public String toString() {
        return "QlikWebhookVerifier[secret=***]";
    }
}
