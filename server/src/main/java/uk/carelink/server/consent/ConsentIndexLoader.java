package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** Reads every active Consent (and the Organizations they name) into a {@link ConsentIndex}. */
class ConsentIndexLoader {

  /** Changes whenever a Consent or Organization is created, updated or deleted. */
  static final String FINGERPRINT =
      "select count(*) || ':' || coalesce(sum(res_ver), 0) || ':'"
          + " || coalesce(max(res_updated)::text, '-')"
          + " from hfj_resource where res_type in ('Consent', 'Organization')";

  private final DaoRegistry daos;
  private final Set<String> controllerSystems;

  ConsentIndexLoader(DaoRegistry daos, Set<String> controllerSystems) {
    this.daos = daos;
    this.controllerSystems = controllerSystems;
  }

  ConsentIndex load() {
    Map<String, DataController> organizations = new HashMap<>();
    for (IBaseResource resource : all("Organization", SearchParameterMap.newSynchronous())) {
      Organization organization = (Organization) resource;
      for (Identifier identifier : organization.getIdentifier()) {
        if (controllerSystems.contains(identifier.getSystem()) && identifier.hasValue()) {
          organizations.put(
              organization.getIdElement().getIdPart(),
              new DataController(identifier.getSystem(), identifier.getValue()));
          break;
        }
      }
    }
    ConsentRuleParser parser = new ConsentRuleParser(organizations, controllerSystems);
    Map<String, List<ConsentRule>> byPatient = new HashMap<>();
    Map<DataController, List<ConsentRule>> byGrantor = new HashMap<>();
    SearchParameterMap active =
        SearchParameterMap.newSynchronous().add(Consent.SP_STATUS, new TokenParam("active"));
    for (IBaseResource resource : all("Consent", active)) {
      parser
          .parse((Consent) resource)
          .ifPresent(
              rule -> {
                if (rule.isAgreement()) {
                  rule.grantors()
                      .forEach(g -> byGrantor.computeIfAbsent(g, k -> new ArrayList<>()).add(rule));
                } else {
                  byPatient.computeIfAbsent(rule.patientId(), k -> new ArrayList<>()).add(rule);
                }
              });
    }
    return new ConsentIndex(Map.copyOf(byPatient), Map.copyOf(byGrantor));
  }

  private List<IBaseResource> all(String type, SearchParameterMap map) {
    return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
  }
}
