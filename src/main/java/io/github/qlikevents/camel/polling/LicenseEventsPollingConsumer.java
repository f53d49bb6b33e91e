package io.github.qlikevents.camel.polling;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.QlikLicenseEventsEndpoint;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the tenant's Audits API oldest first and delivers each license event once, in order. Each poll re-reads the
 * lookback window before the stored position, follows {@code next} links page by page, and stores the position
 * after every page. The position moves only over exchanges that completed: at the first failed exchange the poll
 * stops, and that event comes again on the next poll.
 */
@ManagedResource(description = "Qlik license events Audits API poller")
public class LicenseEventsPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LicenseEventsPollingConsumer.class);

    private final QlikLicenseEventsEndpoint endpoint;
    private final AuditPageReader reader = new AuditPageReader();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private final AtomicReference<Instant> lastEventTime = new AtomicReference<>();
    private QlikApiClient api;
    private PollSettings settings;
    private AuditQuery query;
    private StateRepository<String, String> repository;
    private PositionStore store;
    private PollPosition position;

    public LicenseEventsPollingConsumer(QlikLicenseEventsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        api = endpoint.apiClient();
        api.allowWaits();
        settings = PollSettings.of(endpoint.getConfiguration(), api.tenant(), endpoint.getChannel(),
                endpoint.getClock());
        query = new AuditQuery(api.tenant(), settings.pageSize(), settings.filter(), settings.source());
        repository = endpoint.getConfiguration().getCursorRepository() != null
                ? endpoint.getConfiguration().getCursorRepository() : new MemoryStateRepository();
        ServiceHelper.startService(repository);
        store = new PositionStore(repository, settings.stateKey(), settings.lookback());
        position = store.load(settings.since());
        LOG.info("Polling license events of tenant {} ({}) from {} with state key {}", api.tenant().host(),
                settings.filter(), position.queryFrom(settings.lookback()), store.key());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        if (api != null) {
            api.cancelWaits();
        }
        super.doStop();
        if (store != null) {
            store.save(position);
        }
        ServiceHelper.stopService(repository);
    }

    @Override
    protected int poll() throws Exception {
        polls.incrementAndGet();
        int limit = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        int delivered = 0;
        URI uri = firstPage();
        boolean requeried = false;
        while (uri != null && isRunAllowed()) {
            HttpResult result = api.send("GET", uri, null);
            if (result.status() == 400 && uri.getRawQuery().contains("next=") && !requeried) {
                LOG.info("Tenant {} refused a paging cursor ({}): querying again from the stored position",
                        api.tenant().host(), result.errorSummary());
                requeried = true;
                uri = firstPage();
                continue;
            }
            if (!result.ok()) {
                throw new QlikApiException("GET /api/v1/audits on tenant " + api.tenant().host() + " answered HTTP "
                                           + result.status() + ": " + result.errorSummary(), result.status(), null);
            }
            AuditPage page;
            try {
                page = reader.read(result.body());
            } catch (AuditPageReader.MalformedPageException e) {
                throw new QlikApiException("GET /api/v1/audits on tenant " + api.tenant().host()
                                           + " answered a page that is not valid JSON: " + e.getMessage(), 200, e);
            }
            // repeats (within the page, across pages, across polls) are caught by the position's recent ids: each
            // exchange completes before the next item is looked at
            PageResult outcome = deliver(page.items(), limit - delivered);
            delivered += outcome.delivered();
            store.save(position);
            if (outcome.stopped() || page.next() == null) {
                break;
            }
            uri = api.tenant().follow(page.next());
        }
        return delivered;
    }

    private URI firstPage() {
        Instant now = endpoint.getClock().instant();
        return query.firstPage(position.queryFrom(settings.lookback()), now);
    }

    /**
     * How a page went.
     *
     * @param delivered exchanges that completed
     * @param stopped   true when an exchange failed or the poll's limit was reached
     */
    private record PageResult(int delivered, boolean stopped) {
    }

    private PageResult deliver(List<PolledItem> items, int limit) throws Exception {
        int delivered = 0;
        int size = items.size();
        for (int current = 0; current < size; current++) {
            PolledItem item = items.get(current);
            if (item.id() != null && position.delivered(item.id())) {
                continue;
            }
            if (item.event() != null && !settings.filter().accepts(item.type())) {
                position.passed(item.time());
                continue;
            }
            if (delivered >= limit) {
                return new PageResult(delivered, true);
            }
            Exchange exchange = createExchange(item, current, size);
            try {
                getProcessor().process(exchange);
                if (exchange.isFailed()) {
                    eventsFailed.incrementAndGet();
                    getExceptionHandler().handleException("Delivering license event " + item.id()
                                                          + " failed; it is delivered again on the next poll",
                            exchange, exchange.getException());
                    return new PageResult(delivered, true);
                }
                delivered++;
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return new PageResult(delivered, false);
    }

    private Exchange createExchange(PolledItem item, int index, int size) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == size - 1);
        if (item.event() != null) {
            EventHeaders.apply(item.event(), exchange.getMessage());
        } else {
            // an invalid item goes to the error handler with its raw JSON, so a dead letter channel can keep it
            exchange.getMessage().setBody(item.raw());
            if (item.id() != null) {
                exchange.getMessage().setHeader(QlikLicenseEventsConstants.EVENT_ID, item.id());
            }
            if (item.type() != null) {
                exchange.getMessage().setHeader(QlikLicenseEventsConstants.EVENT_TYPE, item.type());
            }
            exchange.setException(item.error());
        }
        Instant time = item.time();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                position.markDelivered(item.id(), time);
                eventsDelivered.incrementAndGet();
                if (time != null) {
                    lastEventTime.accumulateAndGet(time, (a, b) -> a == null || b.isAfter(a) ? b : a);
                }
            }
        });
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> items) throws Exception {
        // poll() delivers page by page itself, so that the position can be stored after each page
        List<PolledItem> page = new ArrayList<>(items.size());
        items.forEach(item -> page.add((PolledItem) item));
        return deliver(page, Integer.MAX_VALUE).delivered();
    }

    @ManagedAttribute(description = "Polls run")
    public long getPolls() {
        return polls.get();
    }

    @ManagedAttribute(description = "Events delivered and completed")
    public long getEventsDelivered() {
        return eventsDelivered.get();
    }

    @ManagedAttribute(description = "Exchanges that failed (their events are delivered again)")
    public long getEventsFailed() {
        return eventsFailed.get();
    }

    @ManagedAttribute(description = "Times a 429 rate limit was waited out")
    public long getThrottledWaits() {
        return api == null ? 0 : api.throttledWaits();
    }

    @ManagedAttribute(description = "Milliseconds spent waiting out 429 rate limits")
    public long getThrottledMillis() {
        return api == null ? 0 : api.throttledMillis();
    }

    @ManagedAttribute(description = "Requests retried after 5xx, timeouts or connection errors")
    public long getRetries() {
        return api == null ? 0 : api.retries();
    }

    @ManagedAttribute(description = "eventTime of the newest event delivered")
    public String getLastEventTime() {
        Instant time = lastEventTime.get();
        return time == null ? null : time.toString();
    }

    @ManagedAttribute(description = "The stored poll position (newest eventTime passed in order)")
    public String getWatermark() {
        Instant watermark = position == null ? null : position.watermark();
        return watermark == null ? null : watermark.toString();
    }
}
