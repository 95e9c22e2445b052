package uk.carelink.server.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import ca.uhn.fhir.mdm.util.EIDHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import uk.carelink.server.support.FhirApiTest;

/**
 * The server's MDM evaluates FHIRPath on the reused evaluator ({@link LinkageOnReusedFhirPath}).
 */
class LinkageWiringTest extends FhirApiTest {

  @Autowired EIDHelper eidHelper;
  @Autowired MdmResourceMatcherSvc matcher;

  @Test
  void mdmsMatcherAndEidHelperShareTheReusedFhirPathContext() {
    Object helperContext = ReflectionTestUtils.getField(eidHelper, "myFhirContext");
    Object matcherContext = ReflectionTestUtils.getField(matcher, "myFhirContext");

    assertThat(helperContext).isInstanceOf(ReusedFhirPathContext.class);
    assertThat(matcherContext).isSameAs(helperContext);
  }
}
