package io.github.qlikevents.camel.webhook;

import org.apache.camel.RuntimeCamelException;

/** A webhook request body over {@code maxBodySize} (before or after gzip decompression). Answer it with 413. */
public class RequestBodyTooLargeException extends RuntimeCamelException {

    public RequestBodyTooLargeException(String message) {
        super(message);
    }
}
