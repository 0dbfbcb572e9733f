package io.waypoint.scheduling.config;

import java.time.LocalTime;
import org.springframework.core.convert.converter.Converter;

/** Reads times of day in configuration as ISO local times, e.g. {@code "09:00"}. */
class LocalTimeConverter implements Converter<String, LocalTime> {

    @Override
    public LocalTime convert(String source) {
        return LocalTime.parse(source.trim());
    }
}
