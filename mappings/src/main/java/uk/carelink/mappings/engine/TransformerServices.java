package uk.carelink.mappings.engine;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ResourceFactory;
import org.hl7.fhir.r4.utils.StructureMapUtilities;

/**
 * What the StructureMap engine asks of its host: creating FHIR types, and translating codes with
 * the CareLink package's ConceptMaps. Maps never search or resolve references while mapping (the
 * server resolves the conditional references of the transaction).
 */
final class TransformerServices implements StructureMapUtilities.ITransformerServices {

  private final Map<String, ConceptMap> conceptMaps;

  TransformerServices(Map<String, ConceptMap> conceptMaps) {
    this.conceptMaps = conceptMaps;
  }

  @Override
  public void log(String message) {
    // The engine's trace is not needed.
  }

  @Override
  public Base createType(Object appInfo, String name) throws FHIRException {
    return ResourceFactory.createResourceOrType(name);
  }

  @Override
  public Base createResource(Object appInfo, Base res, boolean atRootofTransform) {
    return res;
  }

  @Override
  public Coding translate(Object appInfo, Coding source, String conceptMapUrl)
      throws FHIRException {
    ConceptMap map = conceptMaps.get(conceptMapUrl);
    if (map == null) {
      throw new FHIRException("No ConceptMap " + conceptMapUrl + " in the CareLink package");
    }
    for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
      for (ConceptMap.SourceElementComponent element : group.getElement()) {
        if (element.getCode().equals(source.getCode()) && element.hasTarget()) {
          ConceptMap.TargetElementComponent target = element.getTargetFirstRep();
          return new Coding(group.getTarget(), target.getCode(), target.getDisplay());
        }
      }
    }
    throw new FHIRException(
        "ConceptMap " + conceptMapUrl + " has no translation for '" + source.getCode() + "'");
  }

  @Override
  public Base resolveReference(Object appInfo, String url) throws FHIRException {
    throw new FHIRException("Maps do not resolve references (" + url + ")");
  }

  @Override
  public List<Base> performSearch(Object appInfo, String url) throws FHIRException {
    throw new FHIRException("Maps do not search (" + url + ")");
  }
}
