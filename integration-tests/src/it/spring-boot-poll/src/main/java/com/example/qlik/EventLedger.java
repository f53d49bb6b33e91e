package com.example.qlik;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qlikevents.camel.model.QlikEvent;
import org.springframework.stereotype.Component;

/** Every event the routes received, in order: what the user's application does with them. */
@Component
public class EventLedger {

    /** One received event: its route, CloudEvents id and typed body. */
    public record Entry(String route, String eventId, QlikEvent body) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void record(String route, String eventId, QlikEvent body) {
        entries.add(new Entry(route, eventId, body));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
