package uk.carelink.server.linkage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.mdm.config.MdmConsumerConfig;
import ca.uhn.fhir.jpa.mdm.config.MdmSubmitterConfig;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.searchparam.config.NicknameServiceConfig;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.mdm.api.IMdmSettings;
import ca.uhn.fhir.mdm.interceptor.MdmSearchExpandingInterceptor;
import ca.uhn.fhir.mdm.rules.config.MdmRuleValidator;
import ca.uhn.fhir.mdm.rules.config.MdmSettings;
import ca.uhn.fhir.mdm.rules.matcher.IMatcherFactory;
import ca.uhn.fhir.mdm.rules.svc.MdmResourceMatcherSvc;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns on HAPI MDM for Patient with the project's rules file. HAPI hands each stored Patient to
 * MDM through an in-memory message subscription, so the subscription submitter and processor come
 * with it; nothing of this is loaded when linkage is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "carelink.linkage",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@Import({
  MdmConsumerConfig.class,
  MdmSubmitterConfig.class,
  NicknameServiceConfig.class,
  SubscriptionSubmitterConfig.class,
  SubscriptionProcessorConfig.class
})
public class LinkageConfig {

  private static final Logger LOG = LoggerFactory.getLogger(LinkageConfig.class);

  @Bean
  IMdmSettings mdmSettings(
      MdmRuleValidator validator,
      LinkageProperties linkage,
      ResourceLoader resources,
      SubscriptionSettings subscriptions,
      JpaStorageSettings storage)
      throws IOException {
    // MDM listens through a message-type subscription; HAPI refuses it unless the type is on.
    subscriptions.addSupportedSubscriptionType(SubscriptionChannelType.MESSAGE);
    // Lets `Patient/{id}/$everything?_mdm=true` and `subject:mdm=` follow the links.
    storage.setAllowMdmExpansion(true);
    String rules;
    try (InputStream in = resources.getResource(linkage.rules()).getInputStream()) {
      rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    MdmSettings settings = new MdmSettings(validator).setEnabled(true).setScriptText(rules);
    settings.setCandidateSearchLimit(linkage.candidateSearchLimit());
    LOG.info("Record linkage on for Patient, rules version {}", settings.getRuleVersion());
    return settings;
  }

  /**
   * Shortens HAPI's hand-over of writes to MDM (see {@link LinkageQueueInterval}). A post-processor
   * is created before configuration properties are bound, so it reads the property directly.
   */
  @Bean
  static LinkageQueueInterval linkageQueueInterval(Environment environment) {
    Duration interval =
        Binder.get(environment)
            .bind("carelink.linkage.queue-interval", Duration.class)
            .orElse(LinkageProperties.DEFAULT_QUEUE_INTERVAL);
    return new LinkageQueueInterval(interval.toMillis());
  }

  /**
   * MDM's rule matcher and EID helper with a FHIRPath evaluator reused per thread ({@link
   * ReusedFhirPathContext}).
   */
  @Bean
  static BeanPostProcessor linkageOnReusedFhirPath(
      ObjectProvider<IMatcherFactory> matcherFactory, ObjectProvider<IMdmSettings> settings) {
    return new LinkageOnReusedFhirPath(matcherFactory, settings);
  }

  /** Only writes that MDM (or subscription activation) can use enter the subscription pipeline. */
  @Bean
  SmartInitializingSingleton subscriptionTrafficForLinkageOnly(
      IInterceptorService interceptors, FhirContext context, IMdmSettings settings) {
    return () ->
        interceptors.registerInterceptor(
            new SubscriptionTrafficForLinkageOnly(context, settings.getMdmRules().getMdmTypes()));
  }

  /** Adds {@code Patient/$linkage-reasons} to the REST server with HAPI's other providers. */
  @Bean
  LinkageReasonsProvider linkageReasonsProvider(
      DaoRegistry daos,
      MdmResourceMatcherSvc matcher,
      IMdmSettings settings,
      ResourceProviderFactory providers) {
    LinkageReasonsProvider provider = new LinkageReasonsProvider(daos, matcher, settings);
    providers.addSupplier(() -> provider);
    return provider;
  }

  /**
   * HAPI's subscription processor wants an e-mail sender. CareLink supports no e-mail subscriptions
   * (only MDM's message channel is on), so any attempt is refused loudly rather than dropped.
   */
  @Bean
  IEmailSender noEmailSubscriptions() {
    return details -> {
      throw new UnsupportedOperationException("E-mail subscriptions are not supported");
    };
  }

  /** Expands {@code :mdm} searches and {@code _mdm=true} to every record linked to a golden one. */
  @Bean
  SmartInitializingSingleton mdmSearchExpansionRegistration(
      IInterceptorService interceptors, MdmSearchExpandingInterceptor expander) {
    return () -> interceptors.registerInterceptor(expander);
  }
}
