package uk.carelink.server.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.api.MdmConstants;
import ca.uhn.fhir.mdm.model.CanonicalEID;
import ca.uhn.fhir.mdm.rules.config.MdmSettings;
import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.util.EIDHelper;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** HAPI MDM's EID helper, rebuilt on the reused FHIRPath evaluator, finds what HAPI's own finds. */
class LinkageOnReusedFhirPathTest {

  @Test
  void theEidHelperIsReplacedAndFindsTheSameIdentifiers() throws IOException {
    FhirContext fhir = FhirContext.forR4Cached();
    MdmSettings settings = LinkageRulesEvaluationTest.settings(fhir);
    EIDHelper hapis = new EIDHelper(fhir, settings);
    Patient golden = new Patient();
    golden.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919");
    golden
        .addIdentifier()
        .setSystem(MdmConstants.HAPI_ENTERPRISE_IDENTIFIER_SYSTEM)
        .setValue("3f1c7a52-0d4e-4c55-9d8e-52e1f0a5b3c1");

    Object replaced = replacer(settings).postProcessAfterInitialization(hapis, "eidHelper");

    assertThat(replaced).isInstanceOf(EIDHelper.class).isNotSameAs(hapis);
    EIDHelper reused = (EIDHelper) replaced;
    for (int i = 0; i < 3; i++) {
      assertThat(values(reused.getHapiEid(golden))).isEqualTo(values(hapis.getHapiEid(golden)));
      assertThat(values(reused.getExternalEid(golden)))
          .isEqualTo(values(hapis.getExternalEid(golden)));
    }
    assertThat(values(reused.getHapiEid(golden)))
        .containsExactly(
            MdmConstants.HAPI_ENTERPRISE_IDENTIFIER_SYSTEM
                + "|3f1c7a52-0d4e-4c55-9d8e-52e1f0a5b3c1");
  }

  @Test
  void otherBeansAreLeftAsTheyAre() throws IOException {
    MdmSettings settings = LinkageRulesEvaluationTest.settings(FhirContext.forR4Cached());
    Object other = new Object();

    assertThat(replacer(settings).postProcessAfterInitialization(other, "other")).isSameAs(other);
  }

  private static LinkageOnReusedFhirPath replacer(MdmSettings settings) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("mdmSettings", settings);
    return new LinkageOnReusedFhirPath(
        beans.getBeanProvider(IMatcherFactory.class), beans.getBeanProvider(IMdmSettings.class));
  }

  private static List<String> values(List<CanonicalEID> eids) {
    return eids.stream().map(CanonicalEID::toString).toList();
  }
}
