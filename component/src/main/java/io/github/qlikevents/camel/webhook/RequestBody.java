package io.github.qlikevents.camel.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The body of a webhook request as received, read no further than the size limit: a declared Content-Length over
 * the limit is refused before reading, and gzip is inflated only up to the limit (no gzip bomb).
 */
final class RequestBody {

    private RequestBody() {
    }

    /** The raw bytes, as signed; at most {@code maxBytes}. */
    static byte[] raw(Message message, int maxBytes) throws IOException {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        Object body = message.getBody();
        if (body instanceof byte[] bytes) {
            return check(bytes, maxBytes);
        }
        InputStream in = message.getBody(InputStream.class);
        if (in == null) {
            return new byte[0];
        }
        try (InputStream stream = in) {
            return readAtMost(stream, maxBytes);
        }
    }

    /** The JSON to decode: the raw bytes, inflated when the request says gzip. */
    static byte[] content(Message message, byte[] raw, int maxBytes) throws IOException {
        String encoding = message.getHeader("Content-Encoding", String.class);
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
            return raw;
        }
        try (InputStream inflated = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            return readAtMost(inflated, maxBytes);
        }
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static byte[] check(byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    private static RequestBodyTooLargeException tooLarge(int maxBytes) {
        return new RequestBodyTooLargeException("request body over maxBodySize (" + maxBytes + " bytes)");
    }
}
