package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.server.security.Party;

/**
 * Records the data controller on every write and keeps it: the writing party becomes the controller
 * of what it creates (only an unrestricted role, the service desk, may name another); only the
 * controller may update or delete a resource. Registered with HAPI's storage interceptors, so
 * in-process writers acting for a party (the sandbox loader) are labelled too. Writes with no party
 * (HAPI's own bookkeeping: MDM golden records, terminology) are left alone.
 */
public class ControllerLabeling {

  private final ConsentProperties properties;

  public ControllerLabeling(ConsentProperties properties) {
    this.properties = properties;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void labelCreated(RequestDetails request, IBaseResource resource) {
    Party.from(request).ifPresent(party -> label(party, resource));
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void labelUpdated(RequestDetails request, IBaseResource previous, IBaseResource updated) {
    Optional<Party> party = Party.from(request);
    if (party.isEmpty()) {
      return;
    }
    requireController(party.get(), previous, "update");
    label(party.get(), updated);
    keepOtherLabels(previous, updated);
    // HAPI merges an update's security labels with the stored ones, which would keep the old
    // controller's label when the service desk names a new one. In snapshot mode the stored labels
    // are exactly the updated resource's: its one controller label plus the others carried over.
    request.addHeader(JpaConstants.HEADER_META_SNAPSHOT_MODE, "SECURITY_LABEL");
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void checkDeleted(RequestDetails request, IBaseResource resource) {
    Party.from(request).ifPresent(party -> requireController(party, resource, "delete"));
  }

  private void requireController(Party party, IBaseResource existing, String action) {
    if (properties.unrestrictedRoles().contains(party.role())) {
      return;
    }
    Optional<DataController> controller =
        DataController.of(existing, properties.controllerIdentifierSystems());
    if (controller.isEmpty() || !controller.get().equals(DataController.of(party))) {
      throw new ForbiddenOperationException(
          "Only the data controller of "
              + existing.getIdElement().toUnqualifiedVersionless().getValue()
              + " may "
              + action
              + " it");
    }
  }

  /** Security labels other than the controller's keep HAPI's merge-on-update behaviour. */
  private void keepOtherLabels(IBaseResource previous, IBaseResource updated) {
    if (!(previous instanceof Resource before) || !(updated instanceof Resource after)) {
      return;
    }
    for (Coding label : before.getMeta().getSecurity()) {
      boolean controllerLabel =
          label.hasSystem() && properties.controllerIdentifierSystems().contains(label.getSystem());
      if (!controllerLabel
          && after.getMeta().getSecurity(label.getSystem(), label.getCode()) == null) {
        after.getMeta().addSecurity(label.copy());
      }
    }
  }

  private void label(Party party, IBaseResource resource) {
    if (!(resource instanceof Resource r)) {
      return;
    }
    DataController writer = DataController.of(party);
    Optional<DataController> named =
        DataController.of(resource, properties.controllerIdentifierSystems());
    DataController controller =
        properties.unrestrictedRoles().contains(party.role()) && named.isPresent()
            ? named.get()
            : writer;
    r.getMeta()
        .getSecurity()
        .removeIf(
            label ->
                label.hasSystem()
                    && properties.controllerIdentifierSystems().contains(label.getSystem()));
    r.getMeta().addSecurity(controller.toLabel());
  }
}
