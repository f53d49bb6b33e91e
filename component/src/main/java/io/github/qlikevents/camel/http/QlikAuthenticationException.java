package io.github.qlikevents.camel.http;

/** The tenant refused the credentials (401 after a token refresh) or their permissions (403). */
public class QlikAuthenticationException extends QlikApiException {

    public QlikAuthenticationException(String message, int status) {
        super(message, status, null);
    }
}
