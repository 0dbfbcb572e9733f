package io.waypoint.localstack;

import java.util.concurrent.CountDownLatch;

/** A process that does nothing until it is stopped: stands in for a leftover service in tests. */
public final class Idle {

    private Idle() {
    }

    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
