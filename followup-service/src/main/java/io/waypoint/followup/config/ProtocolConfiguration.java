package io.waypoint.followup.config;

import io.waypoint.followup.notification.ReminderWindow;
import io.waypoint.followup.obligation.OverdueRule;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.protocol.Protocols;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the settings bound from {@code protocols.yml} and {@code waypoint.followup.*} to the application as plain
 * domain objects: the protocol profiles, the overdue rule and the reminder window.
 */
@Configuration(proxyBeanMethods = false)
class ProtocolConfiguration {

    @Bean
    Protocols protocols(ProtocolCatalogue catalogue, FollowupProperties properties) {
        Map<String, FollowupProtocol> profiles = new TreeMap<>();
        catalogue.protocols().forEach((name, settings) -> profiles.put(name, settings.toProtocol(name)));
        return new Protocols(profiles, properties.defaultProtocol());
    }

    @Bean
    OverdueRule overdueRule(FollowupProperties properties) {
        return new OverdueRule(properties.overdueScan().grace());
    }

    @Bean
    ReminderWindow reminderWindow(FollowupProperties properties) {
        return new ReminderWindow(properties.reminders().leadTime());
    }
}
