package io.waypoint.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at a fresh database on the shared embedded PostgreSQL server. */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"
        ).applyTo(context.getEnvironment());
    }
}
