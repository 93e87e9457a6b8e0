package io.github.natsboot.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Enables {@link NatsListener} methods. Implied by the starter's auto-configuration:
 * only needed when auto-configuration is not used.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(NatsListenerBootstrapConfiguration.class)
public @interface EnableNats {

}
