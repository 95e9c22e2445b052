package uk.carelink.server.linkage;

import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import ca.uhn.fhir.mdm.util.EIDHelper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Replaces the two parts of HAPI MDM that evaluate FHIRPath on every record they handle with the
 * same parts built on one {@link ReusedFhirPathContext}:
 *
 * <ul>
 *   <li>the rule matcher, which built a FHIRPath engine and parsed the rules' expressions for every
 *       comparison of two records (everything that matches records gets it: MDM itself and {@code
 *       Patient/$linkage-reasons});
 *   <li>the enterprise identifier helper, which built a FHIRPath engine each time it looked for an
 *       EID on a record, three times per linked Patient: about 7 % of MDM's CPU in the validation
 *       bench's JFR profile of 2026-12-07.
 * </ul>
 */
final class LinkageOnReusedFhirPath implements BeanPostProcessor {

  private final ObjectProvider<IMatcherFactory> matcherFactory;
  private final ObjectProvider<IMdmSettings> settings;
  private ReusedFhirPathContext context;

  LinkageOnReusedFhirPath(
      ObjectProvider<IMatcherFactory> matcherFactory, ObjectProvider<IMdmSettings> settings) {
    this.matcherFactory = matcherFactory;
    this.settings = settings;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean.getClass() == MdmResourceMatcherSvc.class) {
      return new MdmResourceMatcherSvc(context(), matcherFactory.getObject(), settings.getObject());
    }
    if (bean.getClass() == EIDHelper.class) {
      return new EIDHelper(context(), settings.getObject());
    }
    return bean;
  }

  /** One context for both: each FHIR context scans the model classes it meets again. */
  private synchronized ReusedFhirPathContext context() {
    if (context == null) {
      context = new ReusedFhirPathContext();
    }
    return context;
  }
}
