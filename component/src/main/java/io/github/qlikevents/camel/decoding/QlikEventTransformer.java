package io.github.qlikevents.camel.decoding;

import io.github.qlikevents.camel.model.QlikEvent;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Data type transformer {@code qlik-license-events:event}: raw Qlik event JSON (bytes, String or stream, in any of
 * the three envelopes) becomes the typed body with the CloudEvents attributes as headers. For flows that receive
 * events from another transport (Kafka, JMS, HTTP, files). Invalid input raises {@link QlikEventFormatException}.
 */
@DataTypeTransformer(name = "qlik-license-events:event",
                     description = "Decodes Qlik event JSON into a typed QlikEvent body (any channel) with CloudEvents headers")
public class QlikEventTransformer extends Transformer {

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        if (message.getBody() instanceof QlikEvent) {
            return;
        }
        byte[] json = message.getMandatoryBody(byte[].class);
        EventHeaders.apply(QlikEventDecoder.getDefault().decode(json), message);
    }
}
