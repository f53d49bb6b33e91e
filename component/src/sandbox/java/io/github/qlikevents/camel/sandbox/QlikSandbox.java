package io.github.qlikevents.camel.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a {@link SandboxTenant} for a test class ({@code static} field) or for each test
 * (instance field), on a free loopback port:
 *
 * <pre>
 * &#64;RegisterExtension
 * static QlikSandbox tenant = new QlikSandbox(SandboxTenant.builder().history(40, Duration.ofSeconds(1)).apiKey(KEY));
 * ...
 * from("qlik-license-events:licenses?tenantUrl=" + tenant.url() + "&amp;apiKey=" + KEY + "&amp;since=P1D")
 * </pre>
 */
public final class QlikSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SandboxTenant.Builder builder;
    private SandboxTenant tenant;
    private boolean perClass;

    /** An extension that starts a tenant configured by {@code builder}. */
    public QlikSandbox(SandboxTenant.Builder builder) {
        this.builder = builder;
    }

    /** The running tenant. */
    public SandboxTenant tenant() {
        if (tenant == null) {
            throw new IllegalStateException("the sandbox tenant runs only while a test of its class runs");
        }
        return tenant;
    }

    /** The tenant URL to configure the component with, e.g. http://127.0.0.1:41234. */
    public String url() {
        return tenant().url();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        tenant = builder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            tenant = builder.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (tenant != null) {
            tenant.close();
            tenant = null;
        }
    }
}
