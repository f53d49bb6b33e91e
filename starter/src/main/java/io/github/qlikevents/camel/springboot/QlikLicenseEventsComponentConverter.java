package io.github.qlikevents.camel.springboot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Resolves {@code #bean:name} and {@code #name} references for every option of
 * {@link QlikLicenseEventsComponentConfiguration} that takes an object (a cursor repository, a clock, a transport,
 * TLS parameters, an idempotent repository), as the converters of Apache Camel's starters do.
 */
public class QlikLicenseEventsComponentConverter implements GenericConverter {

    private static final Set<ConvertiblePair> REFERENCES = Arrays
            .stream(QlikLicenseEventsComponentConfiguration.class.getDeclaredFields())
            .filter(field -> !Modifier.isStatic(field.getModifiers()))
            .map(Field::getType)
            .filter(type -> !type.isPrimitive() && !type.getName().startsWith("java.lang."))
            .map(type -> new ConvertiblePair(String.class, type))
            .collect(Collectors.toUnmodifiableSet());

    private final ApplicationContext applicationContext;

    public QlikLicenseEventsComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return REFERENCES;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String reference = source == null ? "" : source.toString();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
