package io.github.qlikevents.camel.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The tenant's events in Audits API order: a generated history of {@code historySize} events spaced
 * {@code spacing} apart (computed on demand, so a million-event backlog costs no memory), plus events published
 * later, including late ones.
 */
public final class EventFeed {

    /** A position in the feed order. */
    record Key(Instant time, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return SandboxEvent.compare(time, id, other.time, other.id);
        }
    }

    private final EventGenerator generator;
    private final long historySize;
    private final Instant historyStart;
    private final long spacingNanos;
    private final NavigableMap<Key, SandboxEvent> published = new ConcurrentSkipListMap<>();
    private final AtomicLong nextGeneratedIndex;
    private volatile Consumer<SandboxEvent> onPublish = event -> {
    };

    EventFeed(EventGenerator generator, long historySize, Instant historyStart, Duration spacing) {
        if (spacing.isZero() || spacing.isNegative()) {
            throw new IllegalArgumentException("spacing must be positive");
        }
        this.generator = generator;
        this.historySize = historySize;
        this.historyStart = historyStart;
        this.spacingNanos = spacing.toNanos();
        this.nextGeneratedIndex = new AtomicLong(historySize);
    }

    /** Adds an event; its time may be earlier than events already visible (a late event). */
    public SandboxEvent publish(SandboxEvent event) {
        published.put(new Key(event.time(), event.eventId()), event);
        onPublish.accept(event);
        return event;
    }

    /** What happens to each published event besides being listed (webhook delivery). */
    void onPublish(Consumer<SandboxEvent> listener) {
        this.onPublish = listener;
    }

    /** The types of the generated events. */
    public List<String> typeNames() {
        return generator.typeNames();
    }

    /** The Audits API sources of the generated events. */
    public List<String> sources() {
        return generator.sources();
    }

    /** Generates and publishes a new event happening at {@code time} (to the millisecond, as Qlik has it). */
    public SandboxEvent publishGenerated(Instant time) {
        return publish(generator.event(nextGeneratedIndex.getAndIncrement(),
                time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    /** The time of history event {@code index}. */
    public Instant historyTime(long index) {
        return historyStart.plusNanos(index * spacingNanos);
    }

    /** Every event, in order (for tests: the expected stream). */
    public Iterator<SandboxEvent> iterator() {
        return merged(null, true);
    }

    /** The events before {@code to}, newest first, generated as they are iterated. */
    Iterator<SandboxEvent> newestBefore(Instant to) {
        return merged(new Key(to, ""), false);
    }

    /** The event with this event id or audit id, or null. */
    public SandboxEvent find(String id) {
        for (Iterator<SandboxEvent> it = iterator(); it.hasNext();) {
            SandboxEvent event = it.next();
            if (event.eventId().equals(id) || event.auditId().equals(id)) {
                return event;
            }
        }
        return null;
    }

    /**
     * Up to {@code limit + 1} events strictly after {@code after} (or from the start when null) in the given
     * direction, that match the filter: one more than asked, so the caller knows whether a next page exists.
     */
    List<SandboxEvent> page(Key after, boolean ascending, Predicate<SandboxEvent> filter, int limit) {
        List<SandboxEvent> page = new ArrayList<>(Math.min(limit, 100) + 1);
        for (Iterator<SandboxEvent> it = merged(after, ascending); it.hasNext() && page.size() <= limit;) {
            SandboxEvent event = it.next();
            if (filter.test(event)) {
                page.add(event);
            }
        }
        return page;
    }

    private Iterator<SandboxEvent> merged(Key after, boolean ascending) {
        Iterator<SandboxEvent> history = history(after, ascending);
        Map<Key, SandboxEvent> rest = after == null
                ? (ascending ? published : published.descendingMap())
                : (ascending ? published.tailMap(after, false) : published.headMap(after, false).descendingMap());
        Iterator<SandboxEvent> live = rest.values().iterator();
        return new MergingIterator(history, live, ascending);
    }

    private Iterator<SandboxEvent> history(Key after, boolean ascending) {
        long first = ascending ? 0 : historySize - 1;
        if (after != null) {
            // the last index at or before the key's time; every index before it is earlier than the key
            long atOrBefore = Math.floorDiv(Duration.between(historyStart, after.time()).toNanos(), spacingNanos);
            first = Math.max(ascending ? 0 : -1, Math.min(ascending ? historySize : historySize - 1, atOrBefore));
            while (first >= 0 && first < historySize && !beyond(first, after, ascending)) {
                first += ascending ? 1 : -1;
            }
        }
        long start = first;
        return new Iterator<>() {
            private long index = start;

            @Override
            public boolean hasNext() {
                return index >= 0 && index < historySize;
            }

            @Override
            public SandboxEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SandboxEvent event = generator.event(index, historyTime(index));
                index += ascending ? 1 : -1;
                return event;
            }
        };
    }

    private boolean beyond(long index, Key key, boolean ascending) {
        SandboxEvent event = generator.event(index, historyTime(index));
        int order = SandboxEvent.compare(event.time(), event.eventId(), key.time(), key.id());
        return ascending ? order > 0 : order < 0;
    }

    /** Merges two iterators that are each in feed order. */
    private static final class MergingIterator implements Iterator<SandboxEvent> {
        private final Iterator<SandboxEvent> left;
        private final Iterator<SandboxEvent> right;
        private final boolean ascending;
        private SandboxEvent nextLeft;
        private SandboxEvent nextRight;

        MergingIterator(Iterator<SandboxEvent> left, Iterator<SandboxEvent> right, boolean ascending) {
            this.left = left;
            this.right = right;
            this.ascending = ascending;
            nextLeft = left.hasNext() ? left.next() : null;
            nextRight = right.hasNext() ? right.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextLeft != null || nextRight != null;
        }

        @Override
        public SandboxEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            boolean takeLeft = nextRight == null || nextLeft != null && inOrder(nextLeft, nextRight);
            SandboxEvent result;
            if (takeLeft) {
                result = nextLeft;
                nextLeft = left.hasNext() ? left.next() : null;
            } else {
                result = nextRight;
                nextRight = right.hasNext() ? right.next() : null;
            }
            return result;
        }

        private boolean inOrder(SandboxEvent a, SandboxEvent b) {
            int order = SandboxEvent.compare(a.time(), a.eventId(), b.time(), b.eventId());
            return ascending ? order <= 0 : order >= 0;
        }
    }

    /** For tests: every event in order, as a list. */
    public List<SandboxEvent> snapshot() {
        List<SandboxEvent> all = new ArrayList<>();
        iterator().forEachRemaining(all::add);
        return Collections.unmodifiableList(all);
    }
}
