package io.github.qlikevents.camel.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Backoff doubles from the initial delay, stays within the cap, and is spread by jitter. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void backoffDoublesWithJitterAndNeverExceedsTheCap() {
        Set<Duration> firstWaits = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration first = policy.backoff(0);
            firstWaits.add(first);
            assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(policy.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(policy.backoff(40)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
        assertThat(firstWaits).as("jitter spreads the retries of many clients").hasSizeGreaterThan(100);
    }

    @Test
    void retryAfterSecondsAreTakenAsGivenAndAnythingElseFallsBackToTheBackoff() {
        assertThat(policy.afterRateLimit("5", 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.afterRateLimit(" 2 ", 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.afterRateLimit("-3", 0)).isEqualTo(Duration.ZERO);
        assertThat(policy.afterRateLimit("Wed, 21 Oct 2026 07:28:00 GMT", 0))
                .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.afterRateLimit(null, 1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
