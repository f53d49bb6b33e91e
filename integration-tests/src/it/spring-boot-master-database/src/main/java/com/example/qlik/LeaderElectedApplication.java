package com.example.qlik;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's Spring Boot application whose routes, beans included, are YAML files named in application.properties. */
@SpringBootApplication
public class LeaderElectedApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeaderElectedApplication.class, args);
    }
}
