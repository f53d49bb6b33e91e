package io.github.qlikevents.camel.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenantUrl option: https, loopback http (IPv4, IPv6, localhost), no user-info, links kept on the tenant. */
class TenantUrlTest {

    @Test
    void httpsTenantsWithTrailingSlashesResolvePaths() {
        TenantUrl tenant = TenantUrl.of("https://acme.eu.qlikcloud.com///");

        assertThat(tenant.host()).isEqualTo("acme.eu.qlikcloud.com");
        assertThat(tenant.resolve("/api/v1/audits").toString()).isEqualTo("https://acme.eu.qlikcloud.com/api/v1/audits");
    }

    @Test
    void ipv6LiteralsWorkAndPlainHttpOnlyOnLoopback() {
        TenantUrl loopback = TenantUrl.of("http://[::1]:8080");
        assertThat(loopback.resolve("/api/v1/audits").toString()).isEqualTo("http://[::1]:8080/api/v1/audits");
        assertThat(TenantUrl.of("https://[2001:db8::1]:8443/").resolve("/x").toString())
                .isEqualTo("https://[2001:db8::1]:8443/x");
        assertThat(TenantUrl.of("http://127.0.0.2:1234").host()).isEqualTo("127.0.0.2");
        assertThat(TenantUrl.of("http://localhost:1234").host()).isEqualTo("localhost");

        assertThatThrownBy(() -> TenantUrl.of("http://[2001:db8::1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        assertThatThrownBy(() -> TenantUrl.of("http://acme.eu.qlikcloud.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
    }

    @Test
    void userInfoIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> TenantUrl.of("https://admin:pa55word@acme.eu.qlikcloud.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user-info")
                .hasMessageNotContaining("pa55word");
    }

    @Test
    void linksAreFollowedOnlyOnTheTenantsOrigin() {
        TenantUrl tenant = TenantUrl.of("https://acme.eu.qlikcloud.com");

        assertThat(tenant.follow("/api/v1/audits?next=abc").toString())
                .isEqualTo("https://acme.eu.qlikcloud.com/api/v1/audits?next=abc");
        assertThat(tenant.sameOrigin(java.net.URI.create("https://acme.eu.qlikcloud.com:443/x"))).isTrue();
        assertThatThrownBy(() -> tenant.follow("https://elsewhere.example/api/v1/audits"))
                .isInstanceOf(QlikApiException.class).hasMessageContaining("another origin");
        assertThatThrownBy(() -> tenant.follow("http://acme.eu.qlikcloud.com/api/v1/audits"))
                .isInstanceOf(QlikApiException.class);
        assertThatThrownBy(() -> tenant.follow("https://acme.eu.qlikcloud.com:8443/api/v1/audits"))
                .isInstanceOf(QlikApiException.class);
    }
}
