package io.github.qlikevents.camel.polling;

import java.net.URI;
import java.util.function.Supplier;

import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one query (the tail or a sweep): the first page from the position, then each {@code next} link
 * (followed only on the tenant's origin, and only when the page before was taken); a cursor the tenant refuses (HTTP
 * 400 on a next link, an expired cursor) queries again from the position, once per query.
 */
final class AuditPager {

    private static final Logger LOG = LoggerFactory.getLogger(AuditPager.class);

    private final QlikApiClient api;
    private final AuditPageReader reader = new AuditPageReader();
    private Supplier<URI> firstPage;
    private URI uri;
    private String next;
    private boolean requeried;

    AuditPager(QlikApiClient api) {
        this.api = api;
    }

    /** Begins a query at its first page; {@code firstPage} gives it from the position as it is when called. */
    void restart(Supplier<URI> firstPage) {
        this.firstPage = firstPage;
        uri = firstPage.get();
        next = null;
        requeried = false;
    }

    /** The next page of this query, or {@code null} after the last. */
    AuditPage next() {
        if (next != null) {
            uri = api.tenant().follow(next);
            next = null;
        }
        while (uri != null) {
            HttpResult result = api.send("GET", uri, null);
            if (result.status() == 400 && uri.getRawQuery().contains("next=") && !requeried) {
                LOG.info("Tenant {} refused a paging cursor ({}): querying again from the stored position",
                        api.tenant().host(), result.errorSummary());
                requeried = true;
                uri = firstPage.get();
                continue;
            }
            if (!result.ok()) {
                throw new QlikApiException("GET /api/v1/audits on tenant " + api.tenant().host() + " answered HTTP "
                                           + result.status() + ": " + result.errorSummary(), result.status(), null);
            }
            AuditPage page = read(result);
            uri = null;
            next = page.next();
            return page;
        }
        return null;
    }

    private AuditPage read(HttpResult result) {
        try {
            return reader.read(result.body());
        } catch (AuditPageReader.MalformedPageException e) {
            throw new QlikApiException("GET /api/v1/audits on tenant " + api.tenant().host()
                                       + " answered a page that is not valid JSON: " + e.getMessage(), 200, e);
        }
    }
}
