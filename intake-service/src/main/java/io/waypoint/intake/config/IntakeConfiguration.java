package io.waypoint.intake.config;

import io.waypoint.intake.journey.SiteZones;
import io.waypoint.intake.protocol.Protocols;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds intake's configuration ({@code waypoint.intake.*}, the protocol profiles of {@code protocols.yml}) and
 * hands it to the application layer as plain domain objects. A default profile that is not configured stops the
 * service at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntakeProperties.class, ProtocolCatalogue.class})
class IntakeConfiguration {

    @Bean
    Protocols protocols(ProtocolCatalogue catalogue, IntakeProperties properties) {
        return new Protocols(catalogue.profiles(), properties.defaultProtocol());
    }

    @Bean
    SiteZones siteZones(IntakeProperties properties) {
        return properties.siteZones();
    }
}
