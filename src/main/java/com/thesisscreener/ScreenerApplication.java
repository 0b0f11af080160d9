package com.thesisscreener;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The scoring service started by {@code ./screener serve}: REST API, stored portfolios and runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ScreenerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScreenerApplication.class, args);
    }
}
