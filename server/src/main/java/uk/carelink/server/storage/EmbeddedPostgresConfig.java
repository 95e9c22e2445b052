package uk.carelink.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(StorageProperties storage) throws IOException {
    Path pgData = storage.dataDir().resolve("postgres").toAbsolutePath();
    Files.createDirectories(pgData);
    log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}", pgData);
    return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
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
