package io.waypoint.scheduling.config;

import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.protocol.Protocols;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Protocol profiles, the clinic calendar and how commands are accepted, from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProtocolProperties.class, ClinicProperties.class, SchedulingProperties.class})
public class SchedulingConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, LocalTime> localTimeConverter() {
        return new LocalTimeConverter();
    }

    @Bean
    Protocols protocols(ProtocolProperties properties) {
        return new Protocols(properties.protocols());
    }

    @Bean
    ClinicCalendar clinicCalendar(ClinicProperties properties) {
        return properties.calendar();
    }
}
