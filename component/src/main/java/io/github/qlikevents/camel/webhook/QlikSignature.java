package io.github.qlikevents.camel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Qlik's webhook signature: the hex HMAC-SHA256 of the raw body, keyed with the webhook secret, in the
 * {@code Qlik-Signature} header. Verification compares in constant time and accepts either hex case.
 */
public final class QlikSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "Qlik-Signature";
    /** The shortest secret Qlik accepts. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** The longest secret Qlik accepts. */
    public static final int MAX_SECRET_LENGTH = 64;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private QlikSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A signer/verifier for a secret of 32 to 64 characters; the error names the option, never the value. */
    public static QlikSignature withSecret(String secret, String option) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("Option " + option + " is required: the secret Qlik signs webhook "
                                               + "deliveries with (32 to 64 characters)");
        }
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("Option " + option + " must be 32 to 64 characters long, as Qlik "
                                               + "requires; it has " + secret.length());
        }
        return new QlikSignature(secret);
    }

    /** The signature of {@code body}, lower-case hex. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** True when {@code signature} (hex, either case) is the signature of {@code body}. Constant time. */
    public boolean verify(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "QlikSignature[secret=***]";
    }
}
