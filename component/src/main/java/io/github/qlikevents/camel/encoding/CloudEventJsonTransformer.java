package io.github.qlikevents.camel.encoding;

import io.github.qlikevents.camel.model.QlikEvent;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Data type transformer {@code qlik-license-events:application-cloudevents}: a typed body with its headers becomes a
 * CloudEvents 1.0 structured JSON document ({@code application/cloudevents+json}), ready for Kafka, Knative or HTTP.
 */
@DataTypeTransformer(name = "qlik-license-events:application-cloudevents",
                     description = "Encodes a typed Qlik license event and its headers as CloudEvents 1.0 structured JSON")
public class CloudEventJsonTransformer extends Transformer {

    /** The content type of the encoded document. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final CloudEventJsonWriter writer = new CloudEventJsonWriter();

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        if (!(message.getBody() instanceof QlikEvent body)) {
            throw new InvalidPayloadException(message.getExchange(), QlikEvent.class);
        }
        message.setBody(writer.write(body, message));
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_CONTENT_TYPE, CONTENT_TYPE);
    }
}
