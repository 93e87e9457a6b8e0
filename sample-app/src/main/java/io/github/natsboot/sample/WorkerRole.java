package io.github.natsboot.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Profile;

/**
 * Marks a bean of the worker role: registered when the {@code worker} profile is active,
 * or when no profile is (the {@code default} profile runs both roles).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile({ SampleInstance.WORKER, "default" })
public @interface WorkerRole {

}
