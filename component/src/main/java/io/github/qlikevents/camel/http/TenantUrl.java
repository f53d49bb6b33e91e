package io.github.qlikevents.camel.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The validated tenant base URL: https, or http only to a loopback host. Every request URI is checked against its
 * origin, so the bearer token is never sent elsewhere.
 */
public final class TenantUrl {

    private final URI base;

    private TenantUrl(URI base) {
        this.base = base;
    }

    /** Parses and checks the {@code tenantUrl} option. */
    public static TenantUrl of(String tenantUrl) {
        if (tenantUrl == null || tenantUrl.isBlank()) {
            throw new IllegalArgumentException("Option tenantUrl is required: set it to your tenant's base URL, "
                                               + "e.g. tenantUrl=https://acme.eu.qlikcloud.com");
        }
        URI uri;
        try {
            uri = new URI(tenantUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option tenantUrl '" + tenantUrl + "' is not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            // not echoed: it holds a password
            throw new IllegalArgumentException("Option tenantUrl must not carry user-info (user:password@): "
                                               + "set apiKey, or clientId and clientSecret, for the credentials");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Option tenantUrl '" + tenantUrl
                                               + "' must be an absolute https URL such as https://acme.eu.qlikcloud.com");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Option tenantUrl '" + tenantUrl + "' uses plain http: use https "
                                               + "(http is only allowed for a loopback host such as the sandbox)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return new TenantUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** The tenant host, for messages and state keys. */
    public String host() {
        return base.getHost();
    }

    /** An absolute URI for a path below the tenant, e.g. {@code /api/v1/audits}. */
    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** A link from a response, resolved against the tenant; refused when it leads to another origin. */
    public URI follow(String href) {
        URI target = base.resolve(href);
        if (!sameOrigin(target)) {
            throw new QlikApiException("Refused to follow a link from tenant " + host() + " to another origin ("
                                       + target.getScheme() + "://" + target.getHost()
                                       + "): the bearer token is only ever sent to the tenant", 0, null);
        }
        return target;
    }

    /** True when the URI has the tenant's scheme, host and port. */
    public boolean sameOrigin(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
               && base.getHost().equalsIgnoreCase(uri.getHost())
               && port(base) == port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** localhost or a loopback IP literal; a host name is never resolved here. */
    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
