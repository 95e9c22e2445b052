package uk.carelink.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the jar when no external database is configured, so that the run command
 * needs no set-up. Data persists under {@code carelink.storage.data-dir}. Using PostgreSQL here too
 * keeps one SQL dialect everywhere.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseNotConfigured.class)
public class EmbeddedPostgresConfig {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      StorageProperties storage, ObjectProvider<EmbeddedPostgresEarlyStart> earlyStart)
      throws IOException {
    EmbeddedPostgresEarlyStart started = earlyStart.getIfAvailable();
    if (started != null) {
      return started.await();
    }
    return EmbeddedPostgresEarlyStart.start(storage.dataDir().resolve("postgres").toAbsolutePath());
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres, StorageProperties storage)
      throws SQLException {
    String database = storage.embeddedDatabaseName();
    createDatabaseIfMissing(postgres.getPostgresDatabase(), database);
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
    dataSource.setUsername("postgres");
    return dataSource;
  }

  private static void createDatabaseIfMissing(DataSource admin, String database)
      throws SQLException {
    try (Connection connection = admin.getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      if (!database.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("Invalid embedded database name: " + database);
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + database);
      }
    }
  }
}
