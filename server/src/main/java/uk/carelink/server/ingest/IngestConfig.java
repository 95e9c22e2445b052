package uk.carelink.server.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.server.validation.ProfileSelector;
import uk.carelink.server.validation.ProfileValidator;

/** CSV ingest: the mapping engine (formats from the carelink-mappings jar) and {@code $ingest}. */
@Configuration(proxyBeanMethods = false)
public class IngestConfig {

  @Bean
  MappingEngine mappingEngine(FhirContext fhirContext) {
    return MappingEngine.load(fhirContext);
  }

  @Bean
  IngestOperationProvider ingestOperationProvider(
      MappingEngine engine,
      IFhirSystemDao<?, ?> systemDao,
      DaoRegistry daos,
      MatchUrlService matchUrls,
      ProfileSelector profiles,
      ProfileValidator validator,
      IngestProperties properties,
      ResourceProviderFactory providers) {
    IngestOperationProvider provider =
        new IngestOperationProvider(
            engine,
            new CsvIngest(engine, systemDao, daos, matchUrls, profiles, validator, properties));
    providers.addSupplier(() -> provider);
    return provider;
  }
}
