package io.github.qlikevents.camel.jdbc;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long a lease runs and how often its holder renews it. A holder that could not renew stops acting on the lease a
 * half renewal interval before it could end (measured from the start of its last renewal on the monotonic clock), so
 * that the next holder never overlaps it; a contender looks again every renewal interval.
 *
 * @param lease         how long a lease runs after each renewal, by the database's clock
 * @param renewInterval how often the holder renews it, and a contender looks at it
 */
public record LeaseTiming(Duration lease, Duration renewInterval) {

    public LeaseTiming {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseDuration " + lease + " is too short: use a second or more");
        }
        if (renewInterval.isNegative() || renewInterval.isZero() || renewInterval.compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("renewInterval " + renewInterval + " must be more than zero and at "
                                               + "most half of leaseDuration " + lease + ", so that one renewal may "
                                               + "fail without losing the lease");
        }
    }

    /** The timing of {@code lease}, renewed every {@code renewInterval}, or every third of the lease when null. */
    public static LeaseTiming of(String lease, String renewInterval) {
        Duration leaseDuration = parse("leaseDuration", lease);
        return new LeaseTiming(leaseDuration,
                renewInterval == null ? leaseDuration.dividedBy(3) : parse("renewInterval", renewInterval));
    }

    /** How long after the start of its last renewal a holder may still act on its lease. */
    public Duration actFor() {
        return lease.minus(renewInterval.dividedBy(2));
    }

    /** An ISO-8601 duration such as PT10S, or milliseconds. */
    static Duration parse(String option, String value) {
        try {
            return value.startsWith("P") ? Duration.parse(value) : Duration.ofMillis(Long.parseLong(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is neither an ISO-8601 duration such as "
                                               + "PT10S nor milliseconds",
                    e);
        }
    }
}
