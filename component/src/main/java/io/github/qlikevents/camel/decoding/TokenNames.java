package io.github.qlikevents.camel.decoding;

import com.fasterxml.jackson.core.JsonToken;

/** Human names of JSON tokens for error messages. */
final class TokenNames {

    private TokenNames() {
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
