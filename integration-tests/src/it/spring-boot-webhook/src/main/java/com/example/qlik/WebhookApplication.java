package com.example.qlik;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's Spring Boot application that receives Qlik license events as webhooks. */
@SpringBootApplication
public class WebhookApplication {

    /** The events received, in order, as the application's routes saw them. */
    public static final java.util.List<io.github.qlikevents.camel.model.QlikEvent> RECEIVED =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public static void main(String[] args) {
        SpringApplication.run(WebhookApplication.class, args);
    }
}
