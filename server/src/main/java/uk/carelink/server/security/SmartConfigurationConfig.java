package uk.carelink.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.carelink.server.security.sandbox.SandboxProperties;

/**
 * Serves the SMART configuration document. The scopes it lists are those of the parties defined in
 * {@code carelink.security.sandbox.clients}, which the Keycloak realm mirrors.
 */
@Configuration(proxyBeanMethods = false)
public class SmartConfigurationConfig {

  @Bean
  ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(
      TokenEndpoint tokens, SandboxProperties parties, ObjectMapper json) {
    Set<String> scopes = new TreeSet<>();
    parties.clients().forEach(client -> scopes.addAll(client.scopes()));
    ServletRegistrationBean<SmartConfigurationServlet> registration =
        new ServletRegistrationBean<>(
            new SmartConfigurationServlet(tokens, scopes, json),
            SmartConfigurationServlet.ROOT_PATH,
            SmartConfigurationServlet.FHIR_PATH);
    registration.setName("smart-configuration");
    return registration;
  }
}
