package uk.carelink.server.linkage;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.api.MdmMatchOutcome;
import ca.uhn.fhir.mdm.api.MdmMatchResultEnum;
import ca.uhn.fhir.mdm.rules.json.MdmFieldMatchJson;
import ca.uhn.fhir.mdm.rules.json.MdmRulesJson;
import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code Patient/$linkage-reasons?left=Patient/a&right=Patient/b}: why the rules score a pair as
 * they do, for a reviewer working through the queue. HAPI's {@code $mdm-query-links} gives a link's
 * score only; this runs the same rules with HAPI's matcher and names every field that agreed and
 * every rule that the pair met. It scores; it never links.
 */
public class LinkageReasonsProvider {

  private final DaoRegistry daos;
  private final MdmResourceMatcherSvc matcher;
  private final IMdmSettings settings;

  public LinkageReasonsProvider(
      DaoRegistry daos, MdmResourceMatcherSvc matcher, IMdmSettings settings) {
    this.daos = daos;
    this.matcher = matcher;
    this.settings = settings;
  }

  @Operation(name = "$linkage-reasons", type = Patient.class, idempotent = true)
  public Parameters reasons(
      @OperationParam(name = "left", min = 1, max = 1) StringType left,
      @OperationParam(name = "right", min = 1, max = 1) StringType right,
      RequestDetails request) {
    // Read as the caller, so whatever guards Patient reads guards this too.
    IFhirResourceDao<Patient> patients = daos.getResourceDao(Patient.class);
    Patient leftPatient = patients.read(patientId(left), request);
    Patient rightPatient = patients.read(patientId(right), request);
    MdmMatchOutcome outcome = matcher.getMatchResult(leftPatient, rightPatient);
    MdmRulesJson rules = settings.getMdmRules();
    long vector = outcome.getVector() == null ? 0 : outcome.getVector();

    Parameters answer = new Parameters();
    answer.addParameter("rulesVersion", new StringType(rules.getVersion()));
    answer.addParameter("matchResult", new CodeType(outcome.getMatchResultEnum().name()));
    answer.addParameter("score", new DecimalType(outcome.getNormalizedScore()));
    answer.addParameter("ruleCount", new IntegerType(outcome.getMdmRuleCount()));
    answer.addParameter("vector", new StringType(Long.toString(vector)));
    List<MdmFieldMatchJson> fields = rules.getMatchFields();
    for (int i = 0; i < fields.size(); i++) {
      ParametersParameterComponent field = answer.addParameter().setName("field");
      field.addPart().setName("name").setValue(new StringType(fields.get(i).getName()));
      field.addPart().setName("agreed").setValue(new BooleanType((vector & (1L << i)) != 0));
    }
    for (Map.Entry<String, MdmMatchResultEnum> rule : rules.getMatchedRulesFromVectorMap(vector)) {
      ParametersParameterComponent met = answer.addParameter().setName("ruleMet");
      met.addPart().setName("fields").setValue(new StringType(rule.getKey()));
      met.addPart().setName("result").setValue(new CodeType(rule.getValue().name()));
    }
    return answer;
  }

  private static IdType patientId(StringType reference) {
    IdType id = new IdType(reference.getValue());
    if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart()) {
      throw new InvalidRequestException("Expected Patient/{id}, got " + reference.getValue());
    }
    return id.toUnqualifiedVersionless();
  }
}
