package io.github.qlikevents.camel.springboot;

import java.util.Map;

import io.github.qlikevents.camel.QlikLicenseEventsComponent;
import io.github.qlikevents.camel.QlikLicenseEventsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring properties under either name reach the component Camel creates under that name. */
class QlikLicenseEventsComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, QlikLicenseEventsComponentAutoConfiguration.class));

    @Test
    void bindsEachNameWithBeanReferences() {
        MemoryStateRepository positions = new MemoryStateRepository();
        runner.withBean("positions", MemoryStateRepository.class, () -> positions)
                .withPropertyValues("camel.component.qlik-license-events.tenant-url=https://acme.eu.qlikcloud.com",
                        "camel.component.qlik-license-events.max-requests-per-minute=120",
                        "camel.component.qlik-license-events.cursor-repository=#bean:positions",
                        "camel.component.qlik-license-events.webhook-headers[X-Gateway-Key]=gateway-value",
                        "camel.component.qlik-events.tenant-url=https://other.us.qlikcloud.com",
                        "camel.component.qlik-events.lookback=PT5M")
                .run(spring -> {
                    QlikLicenseEventsConfiguration scheme = configuration(spring.getBean(CamelContext.class),
                            "qlik-license-events");
                    QlikLicenseEventsConfiguration alias = configuration(spring.getBean(CamelContext.class),
                            "qlik-events");

                    assertThat(scheme.getTenantUrl()).isEqualTo("https://acme.eu.qlikcloud.com");
                    assertThat(scheme.getMaxRequestsPerMinute()).isEqualTo(120);
                    assertThat(scheme.getCursorRepository()).isSameAs(positions);
                    assertThat(alias.getTenantUrl()).isEqualTo("https://other.us.qlikcloud.com");
                    assertThat(alias.getLookback()).isEqualTo("PT5M");
                    assertThat(alias.getMaxRequestsPerMinute()).isEqualTo(500);
                    assertThat(scheme.getWebhookHeaders()).containsExactly(Map.entry("X-Gateway-Key",
                            "gateway-value"));
                    assertThat(scheme.getWebhookCheckCertificateRevocation())
                            .as("unset, so that registration leaves an admin's setting alone").isNull();
                    assertThat(scheme.getWebhookFilter()).isNull();
                });
    }

    @Test
    void enabledFalseLeavesThatNameUnconfigured() {
        runner.withPropertyValues("camel.component.qlik-license-events.tenant-url=https://acme.eu.qlikcloud.com",
                        "camel.component.qlik-license-events.enabled=false")
                .run(spring -> assertThat(configuration(spring.getBean(CamelContext.class), "qlik-license-events")
                        .getTenantUrl()).isNull());
    }

    private static QlikLicenseEventsConfiguration configuration(CamelContext camel, String name) {
        return camel.getComponent(name, QlikLicenseEventsComponent.class).getConfiguration();
    }
}
