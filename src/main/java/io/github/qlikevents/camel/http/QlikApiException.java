package io.github.qlikevents.camel.http;

import org.apache.camel.RuntimeCamelException;

/**
 * A Qlik Cloud API call failed. The message names the tenant, the request and the HTTP status with Qlik's error
 * title; never a credential.
 */
public class QlikApiException extends RuntimeCamelException {

    private final int status;

    public QlikApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived (connection error, timeout). */
    public int getStatus() {
        return status;
    }
}
