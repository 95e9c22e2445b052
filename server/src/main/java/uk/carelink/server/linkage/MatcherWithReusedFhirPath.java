package uk.carelink.server.linkage;

import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Replaces HAPI MDM's rule matcher with the same matcher built on a {@link ReusedFhirPathContext},
 * so that comparing two records no longer builds a FHIRPath engine and parses the rules'
 * expressions each time. Everything that matches records (MDM itself, {@code
 * Patient/$linkage-reasons}) gets the replacement.
 */
final class MatcherWithReusedFhirPath implements BeanPostProcessor {

  private final ObjectProvider<IMatcherFactory> matcherFactory;
  private final ObjectProvider<IMdmSettings> settings;

  MatcherWithReusedFhirPath(
      ObjectProvider<IMatcherFactory> matcherFactory, ObjectProvider<IMdmSettings> settings) {
    this.matcherFactory = matcherFactory;
    this.settings = settings;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean.getClass() != MdmResourceMatcherSvc.class) {
      return bean;
    }
    return new MdmResourceMatcherSvc(
        new ReusedFhirPathContext(), matcherFactory.getObject(), settings.getObject());
  }
}
