package io.waypoint.platform;

import io.waypoint.schemas.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code waypoint-platform-defaults.properties} as the lowest-precedence property source, so every
 * service shares the same operational defaults (actuator exposure, probes, metric tags, binder defaults) and can
 * override any. Also publishes the topic catalogue as properties, so a binding's destination in YAML comes from
 * the catalogue: {@code waypoint.topic.<name>} for each topic (e.g. {@code ${waypoint.topic.frontdesk-visits}})
 * and {@code waypoint.topics.non-identifying}, every topic that carries no identifying data, comma-separated.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "waypoint-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("waypointTopicCatalogue", catalogue()));
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("waypointPlatformDefaults",
                    new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> catalogue() {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            topics.put("waypoint.topic." + topic.name().toLowerCase(Locale.ROOT).replace('_', '-'), topic.topicName());
        }
        topics.put("waypoint.topics.non-identifying", Arrays.stream(Topic.values()).filter(t -> !t.identifying())
                .map(Topic::topicName).collect(Collectors.joining(",")));
        return topics;
    }
}
