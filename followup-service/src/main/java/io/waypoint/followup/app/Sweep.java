package io.waypoint.followup.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scheduled sweep: one query finds up to a batch of candidates (by id), then each is handled in a transaction of
 * its own, so each candidate's effects and events commit on their own and locks are held briefly. Counts the
 * candidates it acted on ({@code waypoint.sweep.items}, tagged with the sweep's name) and logs them.
 */
final class Sweep {

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    private final String logMessage;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Counter acted;

    /** {@code logMessage}: a log template with one {@code {}} for the number of candidates acted on. */
    Sweep(String name, String logMessage, int batchSize, PlatformTransactionManager transactions,
          MeterRegistry meters) {
        this.logMessage = logMessage;
        this.batchSize = batchSize;
        this.transactions = new TransactionTemplate(transactions);
        this.acted = Counter.builder("waypoint.sweep.items").description("Candidates a scheduled sweep acted on")
                .tag("sweep", name).register(meters);
    }

    /**
     * Runs once: {@code candidates} gets the batch size and returns the ids to look at; {@code handle} runs in its
     * own transaction per id and says whether it acted (it re-checks the candidate under lock). Returns how many
     * candidates it acted on.
     */
    int run(IntFunction<List<String>> candidates, Predicate<String> handle) {
        int count = 0;
        for (String id : candidates.apply(batchSize)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> handle.test(id)))) {
                count++;
            }
        }
        if (count > 0) {
            acted.increment(count);
            log.info(logMessage, count);
        }
        return count;
    }
}
