package uk.carelink.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.config.JpaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the CareLink FHIR package at start-up (from the class path: no network, no database) and
 * builds the shared validator. The package is also added to HAPI's own validation chain, so that
 * {@code $validate} and the CapabilityStatement know the CareLink profiles.
 */
@Configuration(proxyBeanMethods = false)
public class ProfileValidationConfig {

  @Bean
  ProfilePackage profilePackage(
      FhirContext context,
      ValidationProperties properties,
      ResourceLoader resources,
      @Qualifier(JpaConfig.JPA_VALIDATION_SUPPORT_CHAIN) IValidationSupport hapiChain)
      throws IOException {
    ProfilePackage profiles;
    try (InputStream tgz = resources.getResource(properties.packageLocation()).getInputStream()) {
      profiles = ProfilePackage.load(context, tgz);
    }
    if (hapiChain instanceof ValidationSupportChain chain) {
      chain.addValidationSupport(0, profiles.validationSupport());
      chain.invalidateCaches();
    }
    return profiles;
  }

  @Bean
  HugeMethodCompilationCheck hugeMethodCompilationCheck() {
    return new HugeMethodCompilationCheck();
  }

  @Bean
  ValidationThreads validationThreads(ValidationProperties properties) {
    return new ValidationThreads(properties.threads());
  }

  @Bean
  ProfileValidator profileValidator(
      FhirContext context,
      DefaultProfileValidationSupport coreDefinitions,
      ProfilePackage profiles,
      MeterRegistry registry) {
    return new ProfileValidator(context, coreDefinitions, profiles, registry);
  }
}
