package io.waypoint.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Post-dose care: integration attendance, check-ins, outcome assessments, adverse events, obligations and their
 * escalation, the journey timeline, and therapist notifications.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FollowupApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupApplication.class, args);
    }
}
