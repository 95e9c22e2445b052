package uk.carelink.server.security.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The sandbox clients, in memory. Spring's own in-memory repository refuses clients that share a
 * secret, which is exactly what the sandbox parties do (one documented development secret).
 */
final class SandboxClientRepository implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

  SandboxClientRepository(List<RegisteredClient> clients) {
    clients.forEach(this::save);
  }

  /** Also called by Spring when it re-encodes a secret after a successful authentication. */
  @Override
  public void save(RegisteredClient client) {
    byClientId.put(client.getClientId(), client);
  }

  @Override
  public RegisteredClient findById(String id) {
    // Registered with id == client id.
    return byClientId.get(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId);
  }
}
