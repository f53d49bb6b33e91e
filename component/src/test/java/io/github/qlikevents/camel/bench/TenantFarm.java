package io.github.qlikevents.camel.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.qlikevents.camel.sandbox.Fault;
import io.github.qlikevents.camel.sandbox.SandboxRequest;
import io.github.qlikevents.camel.sandbox.SandboxTenant;
import io.github.qlikevents.camel.support.TestSecrets;

/**
 * A slice of the many-tenants benchmark's sandbox tenants, in a JVM of its own: each tenant is a server of its own and
 * holds about four file descriptors, more than one process may open for 5,000 of them here. Arguments:
 * {@code tenants latencyMillis slow unavailable rateLimited publishing from to} (a {@link ManyTenants.Scenario} and
 * the slice {@code [from, to)}). It prints {@code TENANT index url key kind} a tenant, then {@code READY}, and answers
 * on standard input: {@code MARK} starts a measured window; {@code GAPS} ends it and prints
 * {@code GAPS requests connections tenantsPolled healthyGaps slowGaps} (the gaps in ms between a tenant's requests,
 * comma-separated); {@code PUBLISH} has the publishing tenants publish one event a second.
 */
public final class TenantFarm {

    private TenantFarm() {
    }

    public static void main(String[] args) throws Exception {
        ManyTenants.Scenario scenario = new ManyTenants.Scenario(Integer.parseInt(args[0]),
                Duration.ofMillis(Long.parseLong(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), false);
        int from = Integer.parseInt(args[6]);
        int to = Integer.parseInt(args[7]);
        List<SandboxTenant> tenants = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String key = TestSecrets.API_KEY + "-" + i;
            SandboxTenant tenant = SandboxTenant.builder().loopbackHost(i)
                    .apiKey(key).latency(scenario.latency()).history(0, Duration.ofSeconds(1)).threads(1).start();
            switch (scenario.kind(i)) {
                case "slow" -> tenant.inject(Fault.slow(Integer.MAX_VALUE, Duration.ofSeconds(10)));
                case "503" -> tenant.inject(Fault.serverError(Integer.MAX_VALUE, 503));
                case "429" -> tenant.inject(Fault.rateLimit(Integer.MAX_VALUE, Duration.ofSeconds(30)));
                default -> {
                }
            }
            tenants.add(tenant);
            System.out.println("TENANT " + i + " " + tenant.url() + " " + key + " " + scenario.kind(i));
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Instant markedAt = Instant.now();
        long requestsAtMark = 0;
        long connectionsAtMark = 0;
        for (String command; (command = in.readLine()) != null;) {
            if (command.equals("MARK")) {
                markedAt = Instant.now();
                requestsAtMark = tenants.stream().mapToLong(SandboxTenant::requestCount).sum();
                connectionsAtMark = tenants.stream().mapToLong(SandboxTenant::connectionCount).sum();
            } else if (command.equals("GAPS")) {
                Instant end = Instant.now();
                List<Long> healthy = new ArrayList<>();
                List<Long> slow = new ArrayList<>();
                int polled = 0;
                for (int i = from; i < to; i++) {
                    Instant start = markedAt;
                    List<Instant> polls = tenants.get(i - from).requests().stream().map(SandboxRequest::at)
                            .filter(at -> !at.isBefore(start) && at.isBefore(end)).toList();
                    polled += polls.isEmpty() ? 0 : 1;
                    String kind = scenario.kind(i);
                    List<Long> into = kind.equals("slow") ? slow
                            : kind.equals("ok") || kind.equals("publishing") ? healthy : new ArrayList<>();
                    for (int p = 1; p < polls.size(); p++) {
                        into.add(Duration.between(polls.get(p - 1), polls.get(p)).toMillis());
                    }
                }
                System.out.println("GAPS " + (tenants.stream().mapToLong(SandboxTenant::requestCount).sum()
                                              - requestsAtMark)
                                   + " " + (tenants.stream().mapToLong(SandboxTenant::connectionCount).sum()
                                            - connectionsAtMark)
                                   + " " + polled + " " + csv(healthy) + " " + csv(slow));
            } else if (command.equals("PUBLISH")) {
                for (int i = from; i < to; i++) {
                    if (scenario.kind(i).equals("publishing")) {
                        tenants.get(i - from).publishEvery(Duration.ofSeconds(1));
                    }
                }
            }
            System.out.flush();
        }
        tenants.forEach(SandboxTenant::close);
    }

    private static String csv(List<Long> values) {
        return values.isEmpty() ? "-" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
