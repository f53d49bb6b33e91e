package io.github.qlikevents.camel.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.zip.CRC32;

import io.github.qlikevents.camel.QlikLicenseEventsConfiguration;
import io.github.qlikevents.camel.http.TenantUrl;
import io.github.qlikevents.camel.model.Channel;
import io.github.qlikevents.camel.model.EventTypeFilter;

/**
 * The polling options checked and parsed once, at consumer start; every error names the option and the fix.
 *
 * @param pageSize the page size
 * @param filter   the event type filter
 * @param source   the source to ask the server for, or null for every source
 * @param since    where to start without a stored position
 * @param lookback how late Qlik may make an event visible, after its eventTime
 * @param sweepInterval how often the lookback is swept for late events; zero for never
 * @param stateKey the key of the position
 * @param stallTimeout how long the poller may go without a completed poll or stored page before it is DOWN
 */
record PollSettings(int pageSize, EventTypeFilter filter, String source, Instant since, Duration lookback,
                    Duration sweepInterval,
                    String stateKey, Duration stallTimeout) {

    /** The least stallTimeout by default: a minute. */
    private static final Duration STALL_FLOOR = Duration.ofMinutes(1);
    /** The default stallTimeout in polls: five times delay. */
    private static final int STALL_POLLS = 5;

    static PollSettings of(QlikLicenseEventsConfiguration config, TenantUrl tenant, Channel channel, Clock clock,
                           Duration delay) {
        if (config.getPageSize() < 1 || config.getPageSize() > 100) {
            throw new IllegalArgumentException("Option pageSize=" + config.getPageSize()
                                               + " is out of range: use 1 to 100 (Qlik's maximum page size)");
        }
        EventTypeFilter filter = EventTypeFilter.parse(config.getEventTypes(), channel);
        Duration lookback = duration("lookback", config.getLookback());
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("Option lookback=" + config.getLookback() + " must not be negative");
        }
        String source = config.getSource() == null ? channel.source()
                : config.getSource().isBlank() ? null : config.getSource();
        String key = config.getStateKey() != null ? config.getStateKey()
                : defaultKey(channel, tenant, filter, source);
        Duration sweepInterval = duration("sweepInterval", config.getSweepInterval());
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("Option sweepInterval=" + config.getSweepInterval()
                                               + " must not be negative");
        }
        Duration stallTimeout = config.getStallTimeout() != null ? duration("stallTimeout", config.getStallTimeout())
                : max(STALL_FLOOR, delay.multipliedBy(STALL_POLLS));
        if (stallTimeout.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("Option stallTimeout=" + config.getStallTimeout() + " must be positive");
        }
        return new PollSettings(config.getPageSize(), filter, source, since(config.getSince(), clock), lookback,
                sweepInterval, key, stallTimeout);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant since(String since, Clock clock) {
        if (since == null || since.isBlank()) {
            return clock.instant();
        }
        try {
            return since.startsWith("P") || since.startsWith("-P")
                    ? clock.instant().minus(Duration.parse(since))
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option since='" + since + "' is neither an ISO-8601 instant such as "
                                               + "2026-11-01T00:00:00Z nor a duration such as P7D or PT1H",
                    e);
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Option " + option + "='" + value
                                               + "' is not an ISO-8601 duration such as PT2M",
                    e);
        }
    }

    /** channel.host.filterhash: readable, and different for different filters of one tenant. */
    private static String defaultKey(Channel channel, TenantUrl tenant, EventTypeFilter filter, String source) {
        CRC32 crc = new CRC32();
        crc.update((filter + "|" + source).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return channel + "." + tenant.host() + "." + HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
