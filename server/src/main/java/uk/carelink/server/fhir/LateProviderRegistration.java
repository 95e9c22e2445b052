package uk.carelink.server.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.IResourceProviderFactoryObserver;
import java.util.function.Supplier;

/**
 * Registers providers that HAPI modules add to the {@code ResourceProviderFactory} after the REST
 * server was built (MDM adds its {@code $mdm-*} operations when the context has refreshed).
 */
final class LateProviderRegistration implements IResourceProviderFactoryObserver {

  private final RestfulServer server;

  LateProviderRegistration(RestfulServer server) {
    this.server = server;
  }

  @Override
  public void update(Supplier<Object> supplier) {
    server.registerProvider(supplier.get());
  }

  @Override
  public void remove(Supplier<Object> supplier) {
    server.unregisterProvider(supplier.get());
  }
}
