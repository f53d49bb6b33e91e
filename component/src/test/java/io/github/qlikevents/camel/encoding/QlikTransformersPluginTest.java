package io.github.qlikevents.camel.encoding;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Camel context has both transformers registered from the start, so they are found where transformer service
 * files are filtered (Camel Quarkus drops those named like cloudevents).
 */
class QlikTransformersPluginTest {

    @Test
    void bothTransformersAreRegisteredWithoutTheirServiceFiles() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();

            assertThat(context.getTransformerRegistry().get(key("qlik-license-events:event")))
                    .isInstanceOf(io.github.qlikevents.camel.decoding.QlikEventTransformer.class);
            assertThat(context.getTransformerRegistry().get(key("qlik-license-events:application-cloudevents")))
                    .isInstanceOf(CloudEventJsonTransformer.class);
        }
    }

    private static TransformerKey key(String name) {
        return new TransformerKey(DataType.ANY, new DataType(name));
    }
}
