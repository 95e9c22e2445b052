package uk.carelink.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires consent: controller labels and write guards on every storage path (HAPI's interceptor
 * service, so in-process writers are covered), decisions on every API read path (the REST server's
 * consent interceptor).
 */
@Configuration(proxyBeanMethods = false)
public class ConsentConfig {

  @Bean
  AccessDecider accessDecider(ConsentProperties properties) {
    return new AccessDecider(properties);
  }

  @Bean(destroyMethod = "close")
  ControllerHoldings controllerHoldings(
      JdbcTemplate jdbc, DataSource dataSource, ConsentProperties properties) {
    return new ControllerHoldings(
        jdbc,
        HoldingsConnectionPool.beside(dataSource, properties.holdingsConnections()),
        properties.controllerIdentifierSystems());
  }

  @Bean
  AccessSnapshots accessSnapshots(
      JdbcTemplate jdbc,
      DaoRegistry daos,
      ConsentProperties properties,
      ControllerHoldings holdings) {
    return new AccessSnapshots(
        jdbc,
        new ConsentIndexLoader(daos, properties.controllerIdentifierSystems()),
        new LinkedRecordsLoader(jdbc, properties.controllerIdentifierSystems()),
        holdings);
  }

  /** Controllers of Patients the MDM links do not cover, for reads (writes read the record). */
  @Bean
  IndexedPatientControllers indexedPatientControllers(
      JdbcTemplate jdbc,
      DaoRegistry daos,
      ConsentProperties properties,
      JpaStorageSettings storageSettings) {
    return new IndexedPatientControllers(
        jdbc,
        properties.controllerIdentifierSystems(),
        storageSettings.getTagStorageMode(),
        new PatientControllerReader(daos, properties.controllerIdentifierSystems()));
  }

  @Bean
  ConsentEnforcement consentEnforcement(
      AccessDecider decider,
      AccessSnapshots snapshots,
      ConsentProperties properties,
      FhirContext context,
      IndexedPatientControllers patientControllers) {
    return new ConsentEnforcement(decider, snapshots, properties, context, patientControllers);
  }

  /** Off only for the enforcement benchmark (carelink.consent.enabled=false). */
  @Bean
  @WhenConsentEnforced
  ConsentGate consentGate(ConsentEnforcement enforcement, ConsentProperties properties) {
    return new ConsentGate(enforcement, properties.unrestrictedRoles());
  }

  /** Adds {@code Patient/{id}/$explain-access} to the REST server with HAPI's other providers. */
  @Bean
  ExplainAccessProvider explainAccessProvider(
      AccessDecider decider,
      AccessSnapshots snapshots,
      ConsentProperties properties,
      DaoRegistry daos,
      FhirContext context,
      IndexedPatientControllers patientControllers,
      ResourceProviderFactory providers) {
    ExplainAccessProvider provider =
        new ExplainAccessProvider(
            decider, snapshots, properties, daos, context, patientControllers);
    providers.addSupplier(() -> provider);
    return provider;
  }

  @Bean
  @WhenConsentEnforced
  ControllerNarrowing controllerNarrowing(
      AccessDecider decider, ConsentProperties properties, FhirContext context) {
    return new ControllerNarrowing(
        decider, properties, context, new SearchPassHeadroom(properties.firstPassHeadroom()));
  }

  /** Decides the results of the searches {@link ControllerNarrowing} marks: both or neither. */
  @Bean
  @WhenConsentEnforced
  SearchResultScreening searchResultScreening(
      ConsentEnforcement enforcement,
      JdbcTemplate jdbc,
      FhirContext context,
      ConsentProperties properties,
      JpaStorageSettings storageSettings,
      MeterRegistry registry) {
    return new SearchResultScreening(
        enforcement,
        new IndexedFactsReader(
            jdbc,
            context,
            properties.controllerIdentifierSystems(),
            storageSettings.getTagStorageMode()),
        new SearchResultPids(),
        registry);
  }

  @Bean
  UniformNotFound uniformNotFound() {
    return new UniformNotFound();
  }

  /** Labels and write rules apply whatever reads enforce: the data must say who controls it. */
  @Bean
  SmartInitializingSingleton controllerRulesOnEveryWrite(
      IInterceptorService interceptors,
      ConsentProperties properties,
      DaoRegistry daos,
      ControllerHoldings holdings) {
    return () -> {
      interceptors.registerInterceptor(new ControllerLabeling(properties));
      interceptors.registerInterceptor(new ConsentWriteGuard(properties, daos));
      // Recording first, then filling a table that was empty: no write falls between the two.
      boolean empty = holdings.createTable();
      interceptors.registerInterceptor(
          new ControllerHoldingsRecorder(holdings, properties.controllerIdentifierSystems()));
      if (empty) {
        holdings.backfill();
      }
    };
  }
}
