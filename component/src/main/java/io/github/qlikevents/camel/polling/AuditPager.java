package io.github.qlikevents.camel.polling;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one query (the tail or a sweep): the first page from the position, then each {@code next} link
 * (followed only on the tenant's origin, and only when the page before was taken); a cursor the tenant refuses (HTTP
 * 400 on a next link, an expired cursor) queries again from the position, once per query. Each page is read without
 * holding a thread while the tenant answers.
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

    /**
     * Reads the pages while {@code sink} takes more, each handed to {@code onPage} on the sink's delivery threads
     * (never on the HTTP client's); completes with the sum of what {@code onPage} returned.
     */
    CompletableFuture<Integer> readAll(PageSink sink, PageHandler onPage) {
        return readFrom(sink, onPage, 0);
    }

    /** What is done with a page: delivered, its position stored; returns the events delivered. */
    @FunctionalInterface
    interface PageHandler {
        int handle(AuditPage page) throws Exception;
    }

    private CompletableFuture<Integer> readFrom(PageSink sink, PageHandler onPage, int sum) {
        if (!sink.more()) {
            return CompletableFuture.completedFuture(sum);
        }
        CompletableFuture<AuditPage> page = next();
        Function<AuditPage, CompletableFuture<Integer>> handle = read -> {
            if (read == null) {
                return CompletableFuture.completedFuture(sum);
            }
            try {
                return readFrom(sink, onPage, sum + onPage.handle(read));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        // an answer already there is handled on this (delivery) thread; one to come, on a delivery thread
        return page.isDone() ? page.thenCompose(handle) : page.thenComposeAsync(handle, sink.deliveryThreads());
    }

    /** The next page of this query, or {@code null} after the last. */
    CompletableFuture<AuditPage> next() {
        try {
            if (next != null) {
                uri = api.tenant().follow(next);
                next = null;
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (uri == null) {
            return CompletableFuture.completedFuture(null);
        }
        return api.sendAsync("GET", uri, null).thenCompose(this::judge);
    }

    /** The page answered, or the query again from the position after a refused cursor. */
    private CompletableFuture<AuditPage> judge(HttpResult result) {
        if (result.status() == 400 && uri.getRawQuery().contains("next=") && !requeried) {
            LOG.info("Tenant {} refused a paging cursor ({}): querying again from the stored position",
                    api.tenant().host(), result.errorSummary());
            requeried = true;
            uri = firstPage.get();
            return next();
        }
        if (!result.ok()) {
            throw new QlikApiException("GET /api/v1/audits on tenant " + api.tenant().host() + " answered HTTP "
                                       + result.status() + ": " + result.errorSummary(), result.status(), null);
        }
        AuditPage page = read(result);
        uri = null;
        next = page.next();
        return CompletableFuture.completedFuture(page);
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
