package uk.carelink.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.carelink.server.consent.ConsentProperties;

/** The audit trail: always on, whatever else is switched off. */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

  private static final String OBSERVER = "CareLink FHIR server";

  @Bean
  AuditTrail auditTrail(IFhirSystemDao<Bundle, ?> systemDao, AuditProperties properties) {
    return new AuditTrail(systemDao, properties);
  }

  /** On HAPI's storage interceptors: every path (API, transactions, in-process). */
  @Bean
  SmartInitializingSingleton auditTrailStorageRules(IInterceptorService interceptors) {
    return () -> interceptors.registerInterceptor(new AuditReferencesDoNotBlockDeletes());
  }

  @Bean
  AuditRecorder auditRecorder(AuditTrail trail, FhirContext context, ConsentProperties consent) {
    return new AuditRecorder(trail, new AuditEventFactory(OBSERVER), context, consent);
  }

  @Bean
  RefusedAuthenticationAudit refusedAuthenticationAudit(AuditTrail trail) {
    return new RefusedAuthenticationAudit(trail, OBSERVER);
  }
}
