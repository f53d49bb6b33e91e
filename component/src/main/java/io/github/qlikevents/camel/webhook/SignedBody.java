package io.github.qlikevents.camel.webhook;

import java.io.IOException;

import org.apache.camel.Message;

/** Reads a webhook request body within the size limit and checks its signature before anything parses it. */
final class SignedBody {

    private SignedBody() {
    }

    /**
     * The JSON of a request whose signature is valid: the signature is checked on the body as received and, for a
     * gzip request, also accepted on the inflated body.
     *
     * @throws QlikSignatureException        when the signature is missing or wrong
     * @throws RequestBodyTooLargeException when the body is over the limit
     */
    static byte[] verified(Message message, QlikSignature signature, int maxBodySize) throws IOException {
        String given = message.getHeader(QlikSignature.HEADER, String.class);
        if (given == null || given.isBlank()) {
            throw new QlikSignatureException("no " + QlikSignature.HEADER + " header");
        }
        byte[] raw = RequestBody.raw(message, maxBodySize);
        if (signature.verify(raw, given)) {
            return RequestBody.content(message, raw, maxBodySize);
        }
        byte[] content = RequestBody.content(message, raw, maxBodySize);
        if (content != raw && signature.verify(content, given)) {
            return content;
        }
        throw new QlikSignatureException("the " + QlikSignature.HEADER + " header does not match the body");
    }
}
