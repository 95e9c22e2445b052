package uk.carelink.server.terminology;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import uk.carelink.server.validation.ProfileValidator;

/** Terminology operations on the CareLink package's CodeSystems, ValueSets and ConceptMaps. */
@Configuration(proxyBeanMethods = false)
public class TerminologyConfig {

  /** Replaces HAPI's ValueSet operation provider on the REST server (HAPI's own stays unused). */
  @Bean
  @Primary
  PackageValueSetOperationProvider packageValueSetOperationProvider(ProfileValidator validator) {
    return new PackageValueSetOperationProvider(validator.validationSupport());
  }
}
