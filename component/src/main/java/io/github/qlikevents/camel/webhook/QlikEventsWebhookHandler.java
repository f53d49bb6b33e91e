package io.github.qlikevents.camel.webhook;

import io.github.qlikevents.camel.decoding.DecodedEvent;
import io.github.qlikevents.camel.decoding.EventHeaders;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikEventFormatException;
import io.github.qlikevents.camel.model.EventTypeFilter;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one Qlik webhook delivery: checks method, size and signature before parsing, decodes the event into the
 * same typed body and headers as the poller, drops replays when an idempotent repository is set (and, in hybrid mode,
 * events its sweep delivered), runs the route, and answers 200 only once the route completed (500 when it failed, so
 * Qlik retries). Asynchronous: the HTTP server's thread is not held while an asynchronous route runs. In hybrid mode
 * it starts and stops the sweeping consumer with itself.
 */
public final class QlikEventsWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(QlikEventsWebhookHandler.class);

    private final AsyncProcessor route;
    private final QlikSignature signature;
    private final int maxBodySize;
    private final IdempotentRepository idempotentRepository;
    private final EventTypeFilter filter;
    private final DeliveredEvents reconciliation;
    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    /** @param reconciliation the hybrid endpoint's sweeping consumer; {@code null} in plain webhook mode */
    public QlikEventsWebhookHandler(Processor route, QlikSignature signature, int maxBodySize,
                                    IdempotentRepository idempotentRepository, EventTypeFilter filter,
                                    DeliveredEvents reconciliation) {
        this.route = AsyncProcessorConverterHelper.convert(route);
        this.signature = signature;
        this.maxBodySize = maxBodySize;
        this.idempotentRepository = idempotentRepository;
        this.filter = filter;
        this.reconciliation = reconciliation;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(reconciliation);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(reconciliation);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        DecodedEvent event;
        try {
            event = accept(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (event == null) {
            callback.done(true);
            return true;
        }
        String id = event.attributes().id();
        EventHeaders.apply(event, exchange.getMessage());
        return route.process(exchange, doneSync -> {
            answer(exchange, id, event);
            callback.done(doneSync);
        });
    }

    /**
     * The event of a delivery the route should get; {@code null} when the request has been answered already
     * (wrong method or content type, too large, bad signature, not an event, not subscribed, a replay).
     */
    private DecodedEvent accept(Exchange exchange) throws Exception {
        Message request = exchange.getMessage();
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            respond(exchange, 405, "use POST");
            return null;
        }
        if (!isJson(request.getHeader(Exchange.CONTENT_TYPE, String.class))) {
            respond(exchange, 415, "send application/json");
            return null;
        }
        DecodedEvent event;
        try {
            byte[] json = SignedBody.verified(request, signature, maxBodySize);
            event = BinaryModeEvent.applies(request) ? BinaryModeEvent.decode(request, json) : decoder.decode(json);
        } catch (RequestBodyTooLargeException e) {
            respond(exchange, 413, e.getMessage());
            return null;
        } catch (QlikSignatureException e) {
            LOG.warn("Refused a webhook request to {}: {}", request.getHeader(Exchange.HTTP_PATH), e.getMessage());
            respond(exchange, 401, "invalid signature");
            return null;
        } catch (QlikEventFormatException e) {
            respond(exchange, 400, e.getMessage());
            return null;
        }
        String id = event.attributes().id();
        if (!filter.accepts(event.attributes().type())) {
            LOG.debug("Webhook delivery of event {} of type {} is not of this endpoint's channel and eventTypes: answering 200",
                    id, event.attributes().type());
            respond(exchange, 200, "not subscribed");
            return null;
        }
        if (idempotentRepository != null && id != null && !idempotentRepository.add(id)) {
            LOG.debug("Webhook delivery of event {} already processed: answering 200", id);
            respond(exchange, 200, "duplicate");
            return null;
        }
        if (reconciliation != null && id != null && !reconciliation.claim(id)) {
            if (idempotentRepository != null) {
                // processed: by the sweep
                idempotentRepository.confirm(id);
            }
            LOG.debug("Webhook delivery of event {} delivered (or being delivered) by the sweep: answering 200", id);
            respond(exchange, 200, "duplicate");
            return null;
        }
        request.removeHeaders("*");
        return event;
    }

    /** 200 once the route completed; 500 when it failed, so Qlik retries (and a replay is not taken for done). */
    private void answer(Exchange exchange, String id, DecodedEvent event) {
        if (exchange.isFailed()) {
            if (idempotentRepository != null && id != null) {
                idempotentRepository.remove(id);
            }
            if (reconciliation != null && id != null) {
                reconciliation.release(id);
            }
            exchange.setException(null);
            respond(exchange, 500, "the route failed to process event " + id + "; retry later");
            return;
        }
        if (idempotentRepository != null && id != null) {
            idempotentRepository.confirm(id);
        }
        if (reconciliation != null && id != null) {
            reconciliation.delivered(id, event.attributes().instant());
        }
        respond(exchange, 200, "OK");
    }

    /** application/json, application/cloudevents+json or any other +json type; no Content-Type is taken as JSON. */
    private static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static void respond(Exchange exchange, int status, String text) {
        Message response = exchange.getMessage();
        response.removeHeaders("*");
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        response.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.setBody(text);
    }
}
