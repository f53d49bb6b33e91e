package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backfill from Qlik's audit archive, for a start point older than the Audits API list keeps (its
 * {@code EventTTL}): decides at start whether one is needed, reads archive days in turn, each in time order, page by
 * page ({@link ArchiveDay}), up to the last one (the UTC day the list's oldest event falls on, which is read from both
 * and told apart by event id), then hands over to the list, and reports its progress: a log line
 * per day, and the figures of JMX and the dev console. Never a silent gap: a disabled or forbidden archive is a
 * warning naming what is skipped and where the list takes over.
 */
final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    /**
     * A start point younger than this needs no look at the settings (Qlik's list keeps 90 days; a week is far inside
     * it), so that the usual since=P1D costs no extra request.
     */
    private static final Duration RECENT = Duration.ofDays(7);

    private final QlikApiClient api;
    private final Clock clock;
    private final int pageSize;
    private final Duration lookback;
    private ArchiveSettings settings;
    private Instant startedAt;
    private long daysDone;
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicReference<LocalDate> day = new AtomicReference<>();
    private volatile Long daysLeft;
    private volatile Long secondsLeft;

    Backfill(QlikApiClient api, Clock clock, int pageSize, Duration lookback) {
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
        this.lookback = lookback;
    }

    /**
     * At consumer start: when the position starts before what the list keeps, begins (or resumes) a backfill from the
     * archive, or warns that the archive is off and what that skips.
     */
    void prepare(PollPosition position) {
        Instant now = clock.instant();
        Instant from = position.tailFrom(now);
        if (position.archiveDay() == null && !from.isBefore(now.minus(RECENT))) {
            return;
        }
        settings = ArchiveSettings.read(api);
        Instant listOldest = listOldest();
        if (position.archiveDay() != null) {
            LOG.info("Backfill of tenant {} resumes at archive day {}, item {}", api.tenant().host(),
                    position.archiveDay(), position.archiveIndex());
        } else if (!from.isBefore(listOldest)) {
            return;
        } else if (settings.archiveEnabled()) {
            position.startBackfill(utcDay(from));
            LOG.info("Tenant {} keeps {} days in the Audits API list: backfilling from its audit archive, day {} to"
                     + " {} ({} requests, one per day), then the list", api.tenant().host(),
                    settings.eventTtl().toDays(), utcDay(from), lastDay(), daysLeft(utcDay(from)));
        } else {
            LOG.warn("The audit archive of tenant {} is disabled (ArchiveEnabled false): the events from {} to {} are"
                     + " skipped; the Audits API list takes over from its oldest event, {}", api.tenant().host(),
                    from, listOldest, listOldest);
            return;
        }
        startedAt = now;
        day.set(position.archiveDay());
        daysLeft = daysLeft(position.archiveDay());
    }

    /**
     * Reads archive days in turn until the last one, then hands over to the list; stops where the poll stops. The
     * position says which day and item.
     */
    int run(PollPosition position, PageSink sink) throws Exception {
        int delivered = 0;
        while (sink.more() && position.archiveDay() != null) {
            LocalDate archiveDay = position.archiveDay();
            if (archiveDay.isAfter(lastDay())) {
                position.handOver(clock.instant(), lookback);
                sink.save();
                handedOver(position.tailFrom(clock.instant()));
                break;
            }
            int dayDelivered = 0;
            try (ArchiveDay archive = ArchiveDay.fetch(api, archiveDay)) {
                if (!archive.found()) {
                    missing(archiveDay);
                }
                while (sink.more() && position.archiveIndex() < archive.size()) {
                    dayDelivered += sink.deliver(archive.page(position.archiveIndex(), pageSize).items(), true);
                    position.archiveAdvanced(sink.handled());
                    sink.save();
                }
                if (position.archiveIndex() >= archive.size()) {
                    position.nextArchiveDay();
                    sink.save();
                    dayDone(archiveDay, archive.size(), dayDelivered);
                }
            } catch (QlikAuthenticationException e) {
                if (e.getStatus() != 403) {
                    throw e;
                }
                forbidden(archiveDay, e.getMessage());
                position.handOver(clock.instant(), lookback);
                sink.save();
            }
            delivered += dayDelivered;
        }
        return delivered;
    }

    /** The last archive day to read: the day of the list's oldest event. */
    LocalDate lastDay() {
        return utcDay(listOldest());
    }

    /** A day is done: {@code delivered} of its {@code items} went to the route. */
    private void dayDone(LocalDate done, int items, int delivered) {
        daysDone++;
        LocalDate next = done.plusDays(1);
        day.set(next);
        long left = daysLeft(next);
        long elapsed = Duration.between(startedAt, clock.instant()).toSeconds();
        daysLeft = left;
        secondsLeft = elapsed * left / daysDone;
        LOG.info("Backfill of tenant {}: archive day {} done, {} events delivered of {} archived, {} days left,"
                 + " about {} s left", api.tenant().host(), done, delivered, items, left, secondsLeft);
    }

    /** The tenant has no archive for a day (404): it is skipped, and said so. */
    private void missing(LocalDate missing) {
        LOG.warn("Tenant {} has no audit archive for {} (HTTP 404): that day is skipped", api.tenant().host(), missing);
    }

    /** Reading the archive is forbidden (403): the rest is skipped, and said so. */
    private void forbidden(LocalDate from, String reason) {
        LOG.warn("Reading the audit archive of tenant {} is refused ({}): the events from {} to {} are skipped; the"
                 + " Audits API list takes over from its oldest event, {}", api.tenant().host(), reason, from,
                listOldest(), listOldest());
    }

    /** The archive is done and the list takes over from {@code listFrom}. */
    private void handedOver(Instant listFrom) {
        LOG.info("Backfill of tenant {} done: {} events from {} archive days; the Audits API list takes over from {}",
                api.tenant().host(), eventsDelivered.get(), daysDone, listFrom);
        day.set(null);
        daysLeft = 0L;
        secondsLeft = 0L;
    }

    /** An archived event was delivered. */
    void delivered() {
        eventsDelivered.incrementAndGet();
    }

    /** The archive day being read, or null. */
    String currentDay() {
        LocalDate current = day.get();
        return current == null ? null : current.toString();
    }

    /** Archive days left, the current one included; null when no backfill ran. */
    Long daysLeft() {
        return daysLeft;
    }

    /** Estimated seconds left (time per day so far, times days left); null before a day is done. */
    Long secondsLeft() {
        return secondsLeft;
    }

    long eventsDelivered() {
        return eventsDelivered.get();
    }

    private long daysLeft(LocalDate from) {
        return Math.max(0, ChronoUnit.DAYS.between(from, lastDay()) + 1);
    }

    private Instant listOldest() {
        return clock.instant().minus(settings == null ? ArchiveSettings.DEFAULT_TTL : settings.eventTtl());
    }

    private static LocalDate utcDay(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }
}
