package uk.carelink.server.validation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/**
 * The threads that validate transaction entries while the transaction goes on storing the next ones
 * ({@link PendingValidations}). Shared by all requests; each thread keeps its own reused validator.
 * Daemon threads, stopped with the application context.
 */
public class ValidationThreads implements DisposableBean {

  private final ExecutorService executor;
  private final int size;

  /** {@code threads} 0 means one per available processor. */
  public ValidationThreads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException(
          "carelink.validation.threads must be 0 (one per processor) or more, not " + threads);
    }
    size = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "profile-validation-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    executor = Executors.newFixedThreadPool(size, factory);
  }

  <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
    return executor.submit(task);
  }

  int size() {
    return size;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
