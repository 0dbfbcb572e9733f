package io.waypoint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Ports: a free one on request, and a bounded wait for a fixed one to be released. */
public final class PortAllocator {

    private PortAllocator() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code port} can be bound, or fails naming who should release it. */
    public static void awaitFree(int port, String usedFor, Duration timeout) {
        try {
            Poll.untilTrue("port " + port + " (" + usedFor + ") to be free", timeout, () -> isFree(port));
        } catch (Poll.TimeoutException e) {
            throw new IllegalStateException("port " + port + " for " + usedFor + " is in use by another program;"
                    + " stop it or choose another port", e);
        }
    }
}
