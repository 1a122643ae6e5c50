package dev.magnetar.server.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Requests sent at once from many client threads. */
public final class ConcurrentRequests {

    private ConcurrentRequests() {
    }

    /** Runs {@code work} on {@code workers} threads released together; the results in worker order. */
    public static <T> List<T> race(int workers, IntFunction<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                Callable<T> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.apply(worker);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }
}
