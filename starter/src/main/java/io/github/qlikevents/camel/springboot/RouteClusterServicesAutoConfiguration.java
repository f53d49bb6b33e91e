package io.github.qlikevents.camel.springboot;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Makes a cluster service declared among the {@code beans:} of a YAML route file (such as the
 * {@code JdbcClusterService} of {@code routes/ha/database-elected.camel.yaml}) one that {@code master:} finds, as
 * camel-main does: Camel Spring Boot adds the cluster services among the Spring beans to the context, but binds those of
 * route files only when it loads the routes, after it looked. Once the routes are loaded, before the context starts,
 * each cluster service in Camel's registry that the context does not yet have is added to it (and so started).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
public class RouteClusterServicesAutoConfiguration {

    /** Adds the cluster services of the route files' beans to the context before it starts. */
    @Bean
    public CamelContextConfiguration routeClusterServices() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                Set<CamelClusterService> services = camelContext.getRegistry().findByType(CamelClusterService.class);
                Set<CamelClusterService> added = camelContext.hasServices(CamelClusterService.class);
                for (CamelClusterService service : services) {
                    if (!added.contains(service)) {
                        addService(camelContext, service);
                    }
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }

    private static void addService(CamelContext camelContext, CamelClusterService service) {
        try {
            camelContext.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add cluster service " + service + " to Camel", e);
        }
    }
}
