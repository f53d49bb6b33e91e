package io.github.qlikevents.camel.sandbox;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Qlik-style error bodies: {@code {"errors":[{"code","title","detail"}],"traceId"}}. */
final class QlikErrors {

    private QlikErrors() {
    }

    static byte[] body(int status, String title, String detail) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("errors").addObject().put("code", "HTTP-" + status).put("title", title).put("detail", detail);
        root.put("traceId", Long.toHexString(System.nanoTime()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
