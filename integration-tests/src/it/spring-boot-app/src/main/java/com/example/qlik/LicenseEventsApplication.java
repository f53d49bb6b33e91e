package com.example.qlik;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's Spring Boot application that polls license events and receives them as Qlik webhooks. */
@SpringBootApplication
public class LicenseEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicenseEventsApplication.class, args);
    }
}
