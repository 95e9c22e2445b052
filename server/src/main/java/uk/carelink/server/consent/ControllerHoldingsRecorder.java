package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Records, before each write commits, the controller of what was written ({@link
 * ControllerHoldings}), whoever wrote it: parties, HAPI's MDM (golden records, no controller) and
 * in-process writers alike.
 */
class ControllerHoldingsRecorder {

  private final ControllerHoldings holdings;
  private final Collection<String> controllerSystems;

  ControllerHoldingsRecorder(ControllerHoldings holdings, Collection<String> controllerSystems) {
    this.holdings = holdings;
    this.controllerSystems = controllerSystems;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    record(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated) {
    record(updated);
  }

  private void record(IBaseResource resource) {
    List<DataController> controllers =
        resource instanceof Resource r
            ? DataController.inLabels(r.getMeta().getSecurity(), controllerSystems)
            : List.of();
    if (controllers.isEmpty()) {
      holdings.record(resource.fhirType(), Optional.empty());
    }
    controllers.forEach(c -> holdings.record(resource.fhirType(), Optional.of(c)));
  }
}
