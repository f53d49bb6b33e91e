package io.github.qlikevents.camel.http;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A Qlik Cloud API call failed. The message names the tenant, the request and the HTTP status with Qlik's error
 * title; never a credential.
 */
public class QlikApiException extends RuntimeCamelException implements HttpResponseAware {

    private int status;
    private String statusText;

    public QlikApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response arrived (connection error, timeout). */
    public int getStatus() {
        return status;
    }

    /** The HTTP status, for Camel's health checks; 0 when no response arrived. */
    @Override
    public int getHttpResponseCode() {
        return status;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.status = code;
    }

    /** A short text for the status, when one was set. */
    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }
}
