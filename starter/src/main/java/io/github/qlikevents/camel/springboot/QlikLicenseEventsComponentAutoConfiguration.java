package io.github.qlikevents.camel.springboot;

import java.util.Map;

import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.qlik-license-events.*} and {@code camel.component.qlik-events.*} and applies each to
 * the component of that name when Camel creates it, as Apache Camel's own starters do. The component's alias
 * without a tenant of its own still takes the other name's configuration, so either prefix configures both.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
public class QlikLicenseEventsComponentAutoConfiguration {

    static final String SCHEME = "qlik-license-events";
    static final String ALIAS = "qlik-events";

    /** The options of the {@code qlik-license-events} component. */
    @Bean
    @ConfigurationProperties(prefix = "camel.component." + SCHEME)
    public QlikLicenseEventsComponentConfiguration qlikLicenseEventsComponentConfiguration() {
        return new QlikLicenseEventsComponentConfiguration();
    }

    /** The options of the same component under its alias {@code qlik-events}. */
    @Bean
    @ConfigurationProperties(prefix = "camel.component." + ALIAS)
    public QlikLicenseEventsComponentConfiguration qlikEventsComponentConfiguration() {
        return new QlikLicenseEventsComponentConfiguration();
    }

    /** Turns {@code #bean:name} (or {@code #name}) in the options that take an object into that Spring bean. */
    @Bean
    @ConfigurationPropertiesBinding
    public static QlikLicenseEventsComponentConverter qlikLicenseEventsComponentConverter(
            ApplicationContext applicationContext) {
        return new QlikLicenseEventsComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureQlikLicenseEventsComponent(
            ApplicationContext applicationContext,
            @Qualifier("qlikLicenseEventsComponentConfiguration") QlikLicenseEventsComponentConfiguration scheme,
            @Qualifier("qlikEventsComponentConfiguration") QlikLicenseEventsComponentConfiguration alias) {
        Map<String, QlikLicenseEventsComponentConfiguration> byName = Map.of(SCHEME, scheme, ALIAS, alias);
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), byName.get(name), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                QlikLicenseEventsComponentConfiguration configuration = byName.get(name);
                return target instanceof QlikLicenseEventsComponent && configuration != null
                       && configuration.isEnabled()
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               "camel.component." + name + ".customizer");
            }
        };
    }
}
