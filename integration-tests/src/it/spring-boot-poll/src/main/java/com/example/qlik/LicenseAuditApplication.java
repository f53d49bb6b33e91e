package com.example.qlik;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's Spring Boot application that keeps a ledger of Qlik license and role events. */
@SpringBootApplication
public class LicenseAuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicenseAuditApplication.class, args);
    }
}
