package uk.carelink.server.storage;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.search.mapper.orm.cfg.HibernateOrmMapperSettings;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Wires HAPI FHIR's JPA storage (R4) onto the configured PostgreSQL data source.
 *
 * <p>Hibernate settings come from {@code spring.jpa.properties.*} (see application.yaml), with
 * HAPI's required defaults filled in here. PostgreSQL is the only supported database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JpaProperties.class)
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  ThreadPoolFactoryConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  // In-memory message broker used by HAPI's batch jobs (and later subscriptions).
  SubscriptionChannelConfig.class
})
public class HapiJpaStorageConfig {

  @Bean
  JpaStorageSettings jpaStorageSettings(StorageProperties storage) {
    JpaStorageSettings settings = new JpaStorageSettings();
    settings.setReuseCachedSearchResultsForMillis(
        storage.reuseCachedSearchResults().isZero()
            ? null
            : storage.reuseCachedSearchResults().toMillis());
    settings.setExpireSearchResultsAfterMillis(storage.expireSearchResultsAfter().toMillis());
    settings.setDeleteEnabled(storage.deleteEnabled());
    settings.setAllowMultipleDelete(storage.allowMultipleDelete());
    settings.setExpungeEnabled(storage.expungeEnabled());
    settings.setEnforceReferentialIntegrityOnWrite(storage.enforceReferentialIntegrityOnWrite());
    settings.setAutoCreatePlaceholderReferenceTargets(
        storage.autoCreatePlaceholderReferenceTargets());
    settings.setMassIngestionMode(storage.massIngestionMode());
    settings.setMatchUrlCacheEnabled(storage.matchUrlCache());
    // References to other servers are not resolvable and would leak through linked views.
    settings.setAllowExternalReferences(false);
    return settings;
  }

  /** On HAPI's storage interceptors, where its transaction service asks about conflicts. */
  @Bean
  SmartInitializingSingleton retriedDeleteConflicts(
      IInterceptorService interceptors, StorageProperties storage) {
    return () ->
        interceptors.registerInterceptor(
            new RetriedDeleteConflicts(storage.deleteConflictRetries()));
  }

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }

  @Primary
  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      JpaProperties jpaProperties,
      DataSource dataSource) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(
            beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.setJpaPropertyMap(hibernateProperties(jpaProperties));
    return factory;
  }

  /** Properties from application.yaml win; these defaults are what HAPI needs to work at all. */
  static Map<String, Object> hibernateProperties(JpaProperties jpaProperties) {
    Map<String, Object> properties = new HashMap<>(jpaProperties.getProperties());
    properties.putIfAbsent(AvailableSettings.DIALECT, HapiFhirPostgresDialect.class.getName());
    properties.putIfAbsent(
        AvailableSettings.SCANNER, "org.hibernate.boot.archive.scan.internal.DisabledScanner");
    properties.putIfAbsent(
        AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName());
    properties.putIfAbsent(
        AvailableSettings.PHYSICAL_NAMING_STRATEGY,
        CamelCaseToUnderscoresNamingStrategy.class.getName());
    properties.putIfAbsent(AvailableSettings.HBM2DDL_AUTO, "update");
    properties.putIfAbsent(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
    properties.putIfAbsent(AvailableSettings.USE_QUERY_CACHE, "false");
    properties.putIfAbsent(HibernateOrmMapperSettings.ENABLED, "false");
    return properties;
  }

  @Bean
  @Primary
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }
}
