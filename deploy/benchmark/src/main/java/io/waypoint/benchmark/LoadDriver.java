package io.waypoint.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Sends records to one topic and matches what comes out of another to them: at a fixed rate (latency counted from
 * each record's scheduled send time, so a stalled producer cannot hide latency) or closed loop (a fixed number of
 * records in flight, the next one sent as soon as one arrives). Each run: warm-up, the measured window, then a drain
 * until every record sent has arrived, nothing arrived for the stall timeout, or the drain timeout is over.
 */
final class LoadDriver {

    /** What is sent and how a received record is traced back to it. */
    interface Flow {
        String sendTopic();

        List<String> receiveTopics();

        /** A new record for {@code id}; the flow remembers whatever it needs to match it later. */
        ProducerRecord<String, byte[]> record(String id);

        /** The id of the sent record a received one answers, and its own event id; null when it is none of ours. */
        Match match(ConsumerRecord<String, byte[]> received);

        /** Forgets the previous run's records. */
        void reset();
    }

    record Match(String id, String eventId) {
    }

    /** What one run measured. */
    record Result(String label, String mode, double windowSeconds, long sent, long sendErrors, long receivedInWindow,
                  Latency latency, long lost, long duplicated, long redeliveries, double drainSeconds,
                  long allTopicRecordsInWindow, List<ProcessStats.Usage> usage) {

        double receivedPerSecond() {
            return receivedInWindow / windowSeconds;
        }

        double allTopicRecordsPerSecond() {
            return allTopicRecordsInWindow / windowSeconds;
        }
    }

    private final KafkaTools kafka;
    private final Flow flow;
    private final ProcessStats stats;
    private final Consumer<String> out;
    private final Predicate<String> countedTopics;
    private final String idPrefix;
    private final AtomicLong runs = new AtomicLong();

    LoadDriver(KafkaTools kafka, Flow flow, ProcessStats stats, Consumer<String> out, Predicate<String> countedTopics,
               String idPrefix) {
        this.kafka = kafka;
        this.flow = flow;
        this.stats = stats;
        this.out = out;
        this.countedTopics = countedTopics;
        this.idPrefix = idPrefix;
    }

    Result fixedRate(String label, int rate, Duration warmup, Duration window, Duration drain, Duration stall) {
        return run(label, "fixed " + rate + "/s", rate, 0, warmup, window, drain, stall);
    }

    Result closedLoop(String label, int inFlight, Duration warmup, Duration window, Duration drain, Duration stall) {
        return run(label, "closed loop, " + inFlight + " in flight", 0, inFlight, warmup, window, drain, stall);
    }

    private Result run(String label, String mode, int rate, int inFlight, Duration warmup, Duration window,
                       Duration drain, Duration stall) {
        flow.reset();
        Run run = new Run(label, inFlight, idPrefix + "-" + runs.incrementAndGet());
        out.accept(String.format("%s: %s, warm-up %d s, window %d s", label, mode, warmup.toSeconds(),
                window.toSeconds()));
        try (KafkaProducer<String, byte[]> producer = kafka.producer("benchmark-" + idPrefix);
             KafkaConsumer<String, byte[]> consumer = kafka.observer("benchmark-" + idPrefix + "-receiver")) {
            KafkaTools.assignAtEnd(consumer, flow.receiveTopics());
            Thread receiver = Thread.ofPlatform().name("receiver-" + idPrefix).start(() -> run.receive(consumer));
            long start = System.nanoTime();
            run.windowStart = start + warmup.toNanos();
            run.windowEnd = run.windowStart + window.toNanos();
            AtomicReference<ProcessStats.Snapshot> atStart = new AtomicReference<>();
            AtomicReference<ProcessStats.Snapshot> atEnd = new AtomicReference<>();
            AtomicLong recordsAtStart = new AtomicLong();
            AtomicLong recordsAtEnd = new AtomicLong();
            Thread sampler = Thread.ofVirtual().start(() -> {
                parkUntil(run.windowStart);
                atStart.set(stats.snapshot());
                recordsAtStart.set(kafka.totalRecords(countedTopics));
                parkUntil(run.windowEnd);
                atEnd.set(stats.snapshot());
                recordsAtEnd.set(kafka.totalRecords(countedTopics));
            });
            if (rate > 0) {
                run.sendAtFixedRate(producer, rate, start);
            } else {
                run.sendClosedLoop(producer);
            }
            producer.flush();
            join(sampler);
            long drainStart = System.nanoTime();
            run.drain(drain, stall);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            KafkaTools.sleep(1000); // a moment for late duplicates
            run.stopped = true;
            consumer.wakeup();
            join(receiver);
            long lost = run.sentAt.size() - run.firstEventId.size();
            Result result = new Result(label, mode, window.toNanos() / 1e9, run.sent.get(), run.sendErrors.get(),
                    run.receivedInWindow.get(), run.latency, lost, run.duplicated.size(), run.redeliveries.get(),
                    drainSeconds, recordsAtEnd.get() - recordsAtStart.get(),
                    atStart.get() == null || atEnd.get() == null ? List.of()
                            : ProcessStats.between(atStart.get(), atEnd.get()));
            out.accept(String.format("  received %.0f/s, p50 %s, p99 %s, max %s, sent %d, lost %d, duplicated %d, "
                            + "redelivered %d (drained in %.1f s)", result.receivedPerSecond(),
                    Latency.ms(run.latency.percentileMillis(50)), Latency.ms(run.latency.percentileMillis(99)),
                    Latency.ms(run.latency.maxMillis()), result.sent(), lost, result.duplicated(),
                    result.redeliveries(), drainSeconds));
            return result;
        }
    }

    /** The state of one run, shared by the sending thread and the receiving one. */
    private final class Run {
        final String label;
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, String> firstEventId = new ConcurrentHashMap<>();
        final Set<String> duplicated = ConcurrentHashMap.newKeySet();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong sendErrors = new AtomicLong();
        final AtomicLong receivedInWindow = new AtomicLong();
        final AtomicLong redeliveries = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        final Latency latency = new Latency();
        final Semaphore inFlight;
        volatile long windowStart;
        volatile long windowEnd;
        volatile boolean stopped;
        volatile String firstSendError;
        final String ids;

        /** {@code ids}: the prefix of this run's record ids, unique across runs (a referral id is used once). */
        Run(String label, int inFlight, String ids) {
            this.label = label;
            this.inFlight = new Semaphore(inFlight);
            this.ids = ids;
        }

        void sendAtFixedRate(KafkaProducer<String, byte[]> producer, int rate, long start) {
            double interval = 1e9 / rate;
            for (long i = 0; ; i++) {
                long scheduled = start + Math.round(i * interval);
                if (scheduled >= windowEnd) {
                    return;
                }
                parkUntil(scheduled);
                send(producer, scheduled);
            }
        }

        void sendClosedLoop(KafkaProducer<String, byte[]> producer) {
            while (System.nanoTime() < windowEnd) {
                try {
                    if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                send(producer, System.nanoTime());
            }
        }

        private void send(KafkaProducer<String, byte[]> producer, long sendNanos) {
            String id = ids + "-" + sent.incrementAndGet();
            ProducerRecord<String, byte[]> record = flow.record(id);
            sentAt.put(id, sendNanos);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    sendErrors.incrementAndGet();
                    if (firstSendError == null) {
                        firstSendError = error.toString();
                        out.accept("  send failed: " + error);
                    }
                    sentAt.remove(id);
                    inFlight.release();
                }
            });
        }

        void receive(KafkaConsumer<String, byte[]> consumer) {
            try {
                while (!stopped) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Match match;
                        try {
                            match = flow.match(record);
                        } catch (RuntimeException e) {
                            continue; // not decodable: not one of ours
                        }
                        if (match == null) {
                            continue;
                        }
                        Long sentNanos = sentAt.get(match.id());
                        if (sentNanos == null) {
                            continue;
                        }
                        String previous = firstEventId.putIfAbsent(match.id(), match.eventId());
                        if (previous == null) {
                            lastArrival.set(now);
                            if (sentNanos >= windowStart && sentNanos < windowEnd) {
                                latency.recordNanos(now - sentNanos);
                            }
                            if (now >= windowStart && now < windowEnd) {
                                receivedInWindow.incrementAndGet();
                            }
                            inFlight.release();
                        } else if (previous.equals(match.eventId())) {
                            redeliveries.incrementAndGet();
                        } else {
                            duplicated.add(match.id());
                        }
                    }
                }
            } catch (WakeupException e) {
                // stopped
            }
        }

        void drain(Duration timeout, Duration stall) {
            long drainStart = System.nanoTime();
            long deadline = drainStart + timeout.toNanos();
            while (firstEventId.size() < sentAt.size()) {
                long now = System.nanoTime();
                if (now > deadline || now - Math.max(lastArrival.get(), drainStart) > stall.toNanos()) {
                    out.accept(String.format("  %s: %d of %d records not received after the drain", label,
                            sentAt.size() - firstEventId.size(), sentAt.size()));
                    return;
                }
                KafkaTools.sleep(50);
            }
        }
    }

    static void parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
