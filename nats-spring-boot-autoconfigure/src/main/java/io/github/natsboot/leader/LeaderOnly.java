package io.github.natsboot.leader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method only on the node that leads a group, typically a
 * {@code @Scheduled} method that every instance of an application schedules and only one
 * should run. On the other nodes a call does nothing and returns {@code null} (zero or
 * {@code false} for a primitive, an empty {@code Optional} for an {@code Optional}); skipped
 * calls are logged at DEBUG (logger {@code io.github.natsboot.leader.LeaderOnly}).
 *
 * <pre class="code">
 * &#64;Scheduled(fixedRate = 60_000)
 * &#64;LeaderOnly
 * void purgeExpiredCarts() { ... }
 * </pre>
 *
 * <p>Leadership is checked when the method is called: it may end while the method runs.
 * The bean is proxied (a subclass proxy), so the annotation applies to calls made through
 * the bean, not to calls from within the same object. Needs {@code nats.leader.enabled=true}:
 * otherwise startup fails rather than running the method on every node.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LeaderOnly {

	/**
	 * The group whose leader runs the method. Placeholders such as {@code ${...}} are
	 * resolved. The election of a group other than the default one must have been created
	 * with {@link NatsLeaderElectionRegistry#createElection(String)} before the method is
	 * called.
	 * @return the group, or an empty string for the default group ({@code nats.leader.group})
	 */
	String group() default "";

}
