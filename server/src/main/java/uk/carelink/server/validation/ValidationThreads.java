package uk.carelink.server.validation;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/**
 * The threads that validate transaction entries while the transaction goes on storing the next ones
 * ({@link PendingValidations}). Shared by all requests; the validators they run are pooled ({@link
 * ReusedInstanceValidators}). Daemon threads, stopped with the application context.
 */
public class ValidationThreads implements DisposableBean {

  private final ExecutorService executor;

  /**
   * {@code threads} 0 means half the available processors, at least one: validation then never
   * takes every core from the storage work it overlaps with (on 2 cores, one validation thread gave
   * ingest ratios of 0.71–0.81 against 0.62–0.70 with two; bench/README.md).
   */
  public ValidationThreads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException(
          "carelink.validation.threads must be 0 (half the processors) or more, not " + threads);
    }
    int size = threads == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : threads;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "profile-validation-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    executor = Executors.newFixedThreadPool(size, factory);
  }

  /**
   * Queues a validation. The task is handed back as a {@link RunnableFuture}, so that a thread that
   * would otherwise wait for it may run it itself if no validation thread has started it yet
   * ({@link PendingValidations#beforeCommit}).
   */
  <T> RunnableFuture<T> submit(Callable<T> task) {
    FutureTask<T> queued = new FutureTask<>(task);
    executor.execute(queued);
    return queued;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
