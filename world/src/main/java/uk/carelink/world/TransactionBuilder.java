package uk.carelink.world;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * A transaction of PUTs to fixed ids: loading the same world twice updates in place instead of
 * duplicating, and an interrupted load completes on the next start.
 */
final class TransactionBuilder {

  private final Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);

  TransactionBuilder put(Resource resource) {
    String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    bundle.addEntry().setResource(resource).getRequest().setMethod(HTTPVerb.PUT).setUrl(url);
    return this;
  }

  Bundle build() {
    return bundle;
  }
}
