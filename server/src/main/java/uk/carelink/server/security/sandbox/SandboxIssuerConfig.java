package uk.carelink.server.security.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.carelink.server.security.SecurityErrorResponses;
import uk.carelink.server.security.SecurityProperties;
import uk.carelink.server.security.TokenEndpoint;
import uk.carelink.server.security.TokenValidation;

/**
 * The sandbox token issuer (Spring Authorization Server): client-credentials tokens for the demo
 * parties at {@code /oauth2/token}, signed with an RSA key generated at each start (tokens do not
 * survive a restart). Absent under the {@code prod} profile, where Keycloak issues tokens.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
public class SandboxIssuerConfig {

  static final String TOKEN_PATH = "/oauth2/token";
  static final String JWKS_PATH = "/oauth2/jwks";

  /** Only the issuer's own endpoints; everything else falls through to the API's chain. */
  @Bean
  @Order(1)
  SecurityFilterChain sandboxIssuerSecurity(HttpSecurity http, SecurityErrorResponses errors)
      throws Exception {
    OAuth2AuthorizationServerConfigurer issuer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        .with(
            issuer,
            server ->
                server.tokenEndpoint(
                    token -> token.accessTokenRequestConverter(new AllScopesByDefault())))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(errors));
    return http.build();
  }

  @Bean
  RegisteredClientRepository sandboxClients(SandboxProperties sandbox) {
    TokenSettings tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(sandbox.tokenLifetime())
            .build();
    return new SandboxClientRepository(
        sandbox.clients().stream()
            .map(
                party ->
                    RegisteredClient.withId(party.clientId())
                        .clientId(party.clientId())
                        .clientName(party.displayName())
                        .clientSecret("{noop}" + sandbox.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(party.scopes()))
                        .tokenSettings(tokens)
                        .build())
            .toList());
  }

  @Bean
  AuthorizationServerSettings sandboxIssuerSettings(SandboxProperties sandbox) {
    return AuthorizationServerSettings.builder()
        .issuer(sandbox.issuer())
        .tokenEndpoint(TOKEN_PATH)
        .jwkSetEndpoint(JWKS_PATH)
        .build();
  }

  @Bean
  JWKSource<SecurityContext> sandboxSigningKey() throws JOSEException {
    RSAKey key =
        new RSAKeyGenerator(2048)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .keyID(UUID.randomUUID().toString())
            .generate();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> sandboxTokenClaims(
      SandboxProperties sandbox, SecurityProperties security) {
    return new SandboxTokenClaims(sandbox, security.audience());
  }

  /** The resource server's decoder: the issuer's own key, and the same checks as production. */
  @Bean
  JwtDecoder sandboxJwtDecoder(
      JWKSource<SecurityContext> keys, SandboxProperties sandbox, SecurityProperties security) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    // Claims are checked by TokenValidation, as in production, not by Nimbus's defaults.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(TokenValidation.validator(sandbox.issuer(), security.audience()));
    return decoder;
  }

  @Bean
  TokenEndpoint sandboxTokenEndpoint(SandboxProperties sandbox) {
    return new TokenEndpoint() {
      @Override
      public String issuer() {
        return sandbox.issuer();
      }

      @Override
      public String url(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(TOKEN_PATH).toUriString();
      }

      @Override
      public String jwksUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(JWKS_PATH).toUriString();
      }
    };
  }
}
