package io.github.qlikevents.camel.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.qlikevents.camel.QlikLicenseEventsConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application under measurement of the many-tenants benchmark, in a JVM of its own: one route per tenant from
 * the route template of the component page, over the tenants listed in a file ({@code tenantUrl apiKey} a line). It
 * answers the driver on standard input: {@code MEASURE} starts recording delivery latencies (now minus eventTime),
 * {@code REPORT} prints {@code RESULT threads heapAfterGcBytes p99LatencyMillis deliveries} and exits.
 */
public final class ManyTenantsApp {

    private ManyTenantsApp() {
    }

    public static void main(String[] args) throws Exception {
        List<String> tenants = Files.readAllLines(Path.of(args[0]));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        boolean[] measuring = { false };
        DefaultCamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("qlik-tenant").templateParameter("tenantUrl").templateParameter("apiKey")
                        .templateParameter("name")
                        .from("qlik-license-events:licenses?tenantUrl={{tenantUrl}}&apiKey=RAW({{apiKey}})"
                              + "&stateKey={{name}}&since=PT1M")
                        .process(exchange -> {
                            if (measuring[0]) {
                                Instant time = Instant.parse(exchange.getMessage()
                                        .getHeader(QlikLicenseEventsConstants.EVENT_TIME, String.class));
                                latencies.add(Duration.between(time, Instant.now()).toMillis());
                            }
                        });
            }
        });
        context.start();
        for (int i = 0; i < tenants.size(); i++) {
            String[] tenant = tenants.get(i).split(" ");
            context.addRouteFromTemplate("tenant-" + i, "qlik-tenant",
                    Map.of("tenantUrl", tenant[0], "apiKey", tenant[1], "name", "tenant-" + i));
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
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                List<Long> sorted;
                synchronized (latencies) {
                    sorted = new ArrayList<>(latencies);
                }
                Collections.sort(sorted);
                long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
                System.out.println("RESULT " + threads + " " + heap + " " + p99 + " " + sorted.size());
                System.out.flush();
                context.stop();
                System.exit(0);
            }
        }
    }
}
