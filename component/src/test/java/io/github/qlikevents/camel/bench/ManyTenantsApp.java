package io.github.qlikevents.camel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikHttpClient;
import io.github.qlikevents.camel.http.QlikTransport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application under measurement of the many-tenants benchmark, in a JVM of its own: one route per tenant from
 * the route template of the component page, over the tenants listed in a file ({@code tenantUrl apiKey kind} a line);
 * with {@code blocking} true, through a transport that only blocks (each poll holds its thread for the round trip, as
 * before polls were non-blocking). It answers the driver on standard input: {@code MEASURE} starts recording delivery
 * latencies (now minus eventTime), {@code REPORT} prints the threads by name, {@code HEALTH kind route state message}
 * for the first tenant of each failing kind, then
 * {@code RESULT threads heapAfterGcBytes p99LatencyMillis deliveries duplicates outOfOrder} and exits.
 */
public final class ManyTenantsApp {

    /** What one tenant's route received while measuring. */
    private static final class Received {
        private final Set<String> ids = new HashSet<>();
        private Instant last = Instant.MIN;
        private int duplicates;
        private int outOfOrder;

        synchronized void add(String id, Instant time) {
            if (!ids.add(id)) {
                duplicates++;
            }
            if (time.isBefore(last)) {
                outOfOrder++;
            }
            last = time;
        }
    }

    private ManyTenantsApp() {
    }

    public static void main(String[] args) throws Exception {
        List<String> tenants = Files.readAllLines(Path.of(args[0]));
        boolean blocking = args.length > 1 && Boolean.parseBoolean(args[1]);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Received> received = new ConcurrentHashMap<>();
        boolean[] measuring = { false };
        DefaultCamelContext context = new DefaultCamelContext();
        if (blocking) {
            context.getRegistry().bind("blocking", new BlockingTransport());
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("qlik-tenant").templateParameter("tenantUrl").templateParameter("apiKey")
                        .templateParameter("name")
                        .from("qlik-license-events:licenses?tenantUrl={{tenantUrl}}&apiKey=RAW({{apiKey}})"
                              + "&stateKey={{name}}&since=PT1M" + (blocking ? "&transport=#blocking" : ""))
                        .process(exchange -> {
                            if (measuring[0]) {
                                Instant time = Instant.parse(exchange.getMessage()
                                        .getHeader(QlikLicenseEventsConstants.EVENT_TIME, String.class));
                                latencies.add(Duration.between(time, Instant.now()).toMillis());
                                received.computeIfAbsent(exchange.getFromRouteId(), id -> new Received())
                                        .add(exchange.getMessage().getHeader(QlikLicenseEventsConstants.EVENT_ID,
                                                String.class), time);
                            }
                        });
            }
        });
        context.start();
        Map<String, String> firstOfKind = new LinkedHashMap<>();
        for (int i = 0; i < tenants.size(); i++) {
            String[] tenant = tenants.get(i).split(" ");
            context.addRouteFromTemplate("tenant-" + i, "qlik-tenant",
                    Map.of("tenantUrl", tenant[0], "apiKey", tenant[1], "name", "tenant-" + i));
            firstOfKind.putIfAbsent(tenant[2], "tenant-" + i);
        }
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = in.readLine()) != null;) {
            if (command.equals("MEASURE")) {
                latencies.clear();
                measuring[0] = true;
            } else if (command.equals("REPORT")) {
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream().collect(Collectors.groupingBy(
                        thread -> thread.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
                System.out.println("THREADS " + byName);
                firstOfKind.forEach((kind, route) -> {
                    HealthCheck check = ((HealthCheckAware) context.getRoute(route).getConsumer()).getHealthCheck();
                    HealthCheck.Result health = check.call();
                    System.out.println("HEALTH " + kind + " " + route + " " + health.getState() + " "
                                       + health.getMessage().orElse("")
                                       + health.getError().map(error -> " " + error.getMessage()).orElse(""));
                });
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                List<Long> sorted;
                synchronized (latencies) {
                    sorted = new ArrayList<>(latencies);
                }
                Collections.sort(sorted);
                long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
                AtomicInteger duplicates = new AtomicInteger();
                AtomicInteger outOfOrder = new AtomicInteger();
                received.values().forEach(route -> {
                    duplicates.addAndGet(route.duplicates);
                    outOfOrder.addAndGet(route.outOfOrder);
                });
                System.out.println("RESULT " + threads + " " + heap + " " + p99 + " " + sorted.size() + " "
                                   + duplicates + " " + outOfOrder);
                System.out.flush();
                context.stop();
                System.exit(0);
            }
        }
    }

    /** The built-in client used only through its blocking calls: each poll holds its thread for the round trip. */
    private static final class BlockingTransport implements QlikTransport {
        private final QlikHttpClient client = new QlikHttpClient(10_000, 30_000, null, null);

        @Override
        public HttpResult execute(String method, URI uri, String bearerToken, byte[] jsonBody) throws IOException {
            return client.execute(method, uri, bearerToken, jsonBody);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
