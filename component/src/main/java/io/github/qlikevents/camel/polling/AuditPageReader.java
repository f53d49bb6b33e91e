package io.github.qlikevents.camel.polling;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikEventFormatException;
import io.github.qlikevents.camel.decoding.QlikJson;

/**
 * Streams an audits page ({@code {"data":[...],"links":{"next":{"href"}}}}) item by item through the decoder, with
 * no intermediate tree. An invalid item is kept with its raw JSON; a page that is not JSON fails as a whole.
 */
final class AuditPageReader {

    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    AuditPage read(byte[] page) {
        Queue<PolledItem> items = new ArrayDeque<>();
        String next = null;
        try (JsonParser parser = QlikJson.mapper().getFactory().createParser(page)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPageException("expected a JSON object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                    readItems(parser, page, items);
                } else if ("links".equalsIgnoreCase(name) && value == JsonToken.START_OBJECT) {
                    next = readNext(parser);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new MalformedPageException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedPageException(e.getMessage(), e);
        }
        return new AuditPage(items, next);
    }

    private void readItems(JsonParser parser, byte[] page, Queue<PolledItem> items) throws IOException {
        JsonStreamContext array = parser.getParsingContext();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new MalformedPageException("the data array is not closed", null);
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            try {
                items.add(PolledItem.valid(decoder.decode(parser, token)));
            } catch (QlikEventFormatException e) {
                if (e.getCause() instanceof JsonParseException malformed) {
                    throw malformed;
                }
                // skip whatever is left of the item, so the next one can be read
                while (parser.getParsingContext() != array && parser.nextToken() != null) {
                    // skipping
                }
                int end = (int) parser.currentLocation().getByteOffset();
                items.add(PolledItem.invalid(Arrays.copyOfRange(page, start, Math.max(start, end)), e));
            }
        }
    }

    /** {@code links.next.href}, accepting the {@code Next}/{@code Href} spellings some clients use. */
    private static String readNext(JsonParser parser) throws IOException {
        String next = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("next".equalsIgnoreCase(name) && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("href".equalsIgnoreCase(field) && parser.currentToken() == JsonToken.VALUE_STRING) {
                        next = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return next;
    }

    /** The page is not the JSON Qlik sends. */
    static final class MalformedPageException extends RuntimeException {
        MalformedPageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
