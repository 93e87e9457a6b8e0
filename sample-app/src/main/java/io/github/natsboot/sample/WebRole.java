package io.github.natsboot.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Profile;

/**
 * Marks a bean of the web role: registered when the {@code web} profile is active, or
 * when no profile is (the {@code default} profile runs both roles).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile({ SampleInstance.WEB, "default" })
public @interface WebRole {

}
