package io.github.qlikevents.camel.webhook;

import org.apache.camel.RuntimeCamelException;

/** A webhook request without a valid {@code Qlik-Signature}. Answer it with 401. */
public class QlikSignatureException extends RuntimeCamelException {

    public QlikSignatureException(String message) {
        super(message);
    }
}
