package io.waypoint.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service with its bindings: the Spring Boot app on a random port, a real in-JVM KRaft Kafka broker
 * (random port) and a fresh database on a real embedded PostgreSQL. {@link TestTopics} sends and reads real
 * Avro bytes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"waypoint.outbox.poll-interval=PT0.2S", "spring.kafka.consumer.properties.metadata.max.age.ms=1000"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(TestTopics.class)
public @interface WaypointServiceTest {
}
