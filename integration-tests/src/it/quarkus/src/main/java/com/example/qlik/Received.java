package com.example.qlik;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What each route of the application received, in order: its bodies and the CloudEvents id of each. */
public final class Received {

    /** One received message: the event id header and the body as the route got it. */
    public record Message(String eventId, Object body) {
    }

    private static final Map<String, List<Message>> BY_ROUTE = new ConcurrentHashMap<>();

    private Received() {
    }

    public static void add(String route, String eventId, Object body) {
        BY_ROUTE.computeIfAbsent(route, name -> new CopyOnWriteArrayList<>()).add(new Message(eventId, body));
    }

    public static List<Message> of(String route) {
        return List.copyOf(BY_ROUTE.getOrDefault(route, List.of()));
    }
}
