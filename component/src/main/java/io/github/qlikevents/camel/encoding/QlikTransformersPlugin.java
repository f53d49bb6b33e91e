package io.github.qlikevents.camel.encoding;

import java.util.List;

import io.github.qlikevents.camel.decoding.QlikEventTransformer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;

/**
 * Registers the component's transformers ({@code qlik-license-events:event} and
 * {@code qlik-license-events:application-cloudevents}) with every Camel context at start, beside their service
 * files: Camel Quarkus leaves out any transformer service file named like {@code *cloudevents*} unless
 * camel-quarkus-cloudevents is present, which would break the Kamelet's CloudEvents output there.
 */
public final class QlikTransformersPlugin implements ContextServicePlugin {

    @Override
    public void load(CamelContext context) {
        for (Transformer transformer : List.of(new QlikEventTransformer(), new CloudEventJsonTransformer())) {
            String name = transformer.getClass().getAnnotation(DataTypeTransformer.class).name();
            transformer.setName(name);
            transformer.setCamelContext(context);
            context.getTransformerRegistry().putIfAbsent(new TransformerKey(DataType.ANY, new DataType(name)),
                    transformer);
        }
    }
}
