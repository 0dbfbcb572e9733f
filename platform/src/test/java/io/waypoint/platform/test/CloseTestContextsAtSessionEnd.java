package io.waypoint.platform.test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.ContextCache;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * Closes the cached Spring test contexts when the test session ends, before the JVM exits. Left to JVM
 * shutdown hooks, an embedded Kafka broker's temporary log directory can be deleted by its own hook while
 * the broker is still shutting down, which stalls the exit.
 */
public class CloseTestContextsAtSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            Field cacheField = DefaultCacheAwareContextLoaderDelegate.class.getDeclaredField("defaultContextCache");
            cacheField.setAccessible(true);
            ContextCache cache = (ContextCache) cacheField.get(null);
            Field mapField = cache.getClass().getDeclaredField("contextMap");
            mapField.setAccessible(true);
            Map<?, ?> contexts = (Map<?, ?>) mapField.get(cache);
            List<MergedContextConfiguration> keys;
            synchronized (contexts) {
                keys = new ArrayList<>();
                contexts.keySet().forEach(key -> keys.add((MergedContextConfiguration) key));
            }
            keys.forEach(key -> cache.remove(key, DirtiesContext.HierarchyMode.EXHAUSTIVE));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Spring's cache layout changed: fall back to closing contexts in the JVM's shutdown hooks
            System.err.println("Test contexts left to JVM shutdown: " + e);
        }
    }
}
