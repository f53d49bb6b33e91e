package io.github.qlikevents.camel.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;

import io.github.qlikevents.camel.support.TestSecrets;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A wrong option fails the route start with a message that names the option and the fix, and no secret. */
class BadConfigurationTest {

    private static final String TENANT = "tenantUrl=https://acme.eu.qlikcloud.com";
    private static final String KEY = "apiKey=" + TestSecrets.API_KEY;

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("missing tenant URL", KEY, "Option tenantUrl is required"),
                Arguments.of("both auth methods", TENANT + "&" + KEY + "&clientId=c&clientSecret="
                                                  + TestSecrets.CLIENT_SECRET,
                        "Options apiKey and clientId/clientSecret are both set: use either"),
                Arguments.of("neither auth method", TENANT, "No credentials: set option apiKey, or clientId and"),
                Arguments.of("client id without secret", TENANT + "&clientId=c", "Option clientSecret is missing"),
                Arguments.of("plain http to a remote host", "tenantUrl=http://acme.eu.qlikcloud.com&" + KEY,
                        "uses plain http: use https"),
                Arguments.of("page size out of range", TENANT + "&" + KEY + "&pageSize=101",
                        "Option pageSize=101 is out of range: use 1 to 100"),
                Arguments.of("unparsable since", TENANT + "&" + KEY + "&since=yesterday",
                        "Option since='yesterday' is neither an ISO-8601 instant"),
                Arguments.of("unparsable lookback", TENANT + "&" + KEY + "&lookback=2min",
                        "Option lookback='2min' is not an ISO-8601 duration such as PT2M"),
                Arguments.of("short webhook secret", "webhookSecret=short",
                        "Option webhookSecret must be 32 to 64 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void routeStartFailsNamingTheOption(String name, String options, String message) throws Exception {
        String uri = name.contains("webhook")
                ? "webhook:qlik-license-events:licenses?webhookComponentName=platform-http&webhookAutoRegister=false&"
                  + options
                : "qlik-license-events:licenses?" + options;
        Throwable failure;
        try (CamelContext context = new DefaultCamelContext()) {
            if (name.contains("webhook")) {
                context.addService(new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer(
                        loopbackServer()));
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("misconfigured").to("log:never");
                }
            });
            failure = catchThrowable(context::start);
        }

        assertThat(failure).as(name).isNotNull();
        String trace = stackTrace(failure);
        assertThat(trace).contains(message);
        for (String secret : TestSecrets.ALL) {
            assertThat(trace).doesNotContain(secret);
        }
    }

    private static org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration loopbackServer() {
        var configuration = new org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        return configuration;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
