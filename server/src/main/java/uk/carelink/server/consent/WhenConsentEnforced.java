package uk.carelink.server.consent;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean that exists only while consent is enforced: {@code carelink.consent.enabled} is off only
 * for the enforcement benchmark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(
    prefix = "carelink.consent",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@interface WhenConsentEnforced {}
