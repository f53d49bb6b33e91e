package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The tail: every event from the watermark on, page by page; one request when nothing is new. */
final class Tail {

    private final AuditPager pager;
    private final AuditQuery query;
    private final Clock clock;

    Tail(AuditPager pager, AuditQuery query, Clock clock) {
        this.pager = pager;
        this.query = query;
        this.clock = clock;
    }

    /** Reads and delivers what is new since the watermark of {@code position}, storing it after every page. */
    CompletableFuture<Integer> run(PollPosition position, PageSink sink) {
        pager.restart(() -> {
            Instant now = clock.instant();
            return query.firstPage(position.tailFrom(now), now);
        });
        return pager.readAll(sink, page -> {
            int delivered = sink.deliver(page.items(), false);
            sink.save();
            return delivered;
        });
    }
}
