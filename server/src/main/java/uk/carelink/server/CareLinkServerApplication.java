package uk.carelink.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CareLink: a FHIR R4 server that stores care home records next to NHS health records.
 *
 * <p>HAPI FHIR wires its own Hibernate persistence unit and Spring Data repositories, so Boot's JPA
 * auto-configuration is switched off. HAPI manages its own schema (Flyway, which it pulls in, is
 * not used) and Elasticsearch is never used. Security is configured in {@code security}: Boot's
 * authorization-server defaults (a signing key and an issuer in every profile) and its generated
 * in-memory user are switched off.
 */
@SpringBootApplication(
    exclude = {
      HibernateJpaAutoConfiguration.class,
      JpaRepositoriesAutoConfiguration.class,
      ElasticsearchClientAutoConfiguration.class,
      ElasticsearchRestClientAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      QuartzAutoConfiguration.class,
      OAuth2AuthorizationServerAutoConfiguration.class,
      OAuth2AuthorizationServerJwtAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      ThymeleafAutoConfiguration.class
    })
@ConfigurationPropertiesScan
public class CareLinkServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareLinkServerApplication.class, args);
  }
}
