package io.github.natsboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs real {@code nats-server} processes for a test class, in the spirit of spring-kafka-test's
 * {@code @EmbeddedKafka}.
 *
 * <p>In a plain JUnit test, {@link EmbeddedNatsExtension} starts a {@link NatsCluster} before all
 * tests and closes it after them, and injects it (or its first node, as a {@link NatsServer}) into
 * constructors, test methods and lifecycle methods.
 *
 * <p>In a Spring test (one run by the {@code SpringExtension}, for example with
 * {@code @SpringBootTest} or {@code @SpringJUnitConfig}), the cluster belongs to the application
 * context instead: it is started when the context is created, registered as the bean
 * {@code embeddedNats}, closed with the context, and its URLs are set as the
 * {@link #serversProperty()} property. Tests can {@code @Autowired} the {@link NatsCluster} to kill
 * and restart nodes. Test classes with the same attributes share a cached context and cluster.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EmbeddedNats(nodes = 3)
 * class OrderListenerIntegrationTests {
 *
 *     &#64;Autowired
 *     NatsCluster nats;
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedNatsExtension.class)
public @interface EmbeddedNats {

	/**
	 * The number of nodes; {@code 1} is a plain server, more form a cluster.
	 * @return the number of nodes
	 */
	int nodes() default 1;

	/**
	 * Whether JetStream is enabled, each node with its own temporary store.
	 * @return whether JetStream is enabled
	 */
	boolean jetStream() default true;

	/**
	 * Configuration snippets appended to every node's configuration file, for example an
	 * {@code authorization} or {@code accounts} block.
	 * @return nats-server configuration text
	 */
	String[] config() default {};

	/**
	 * The Spring environment property that receives the comma-separated server URLs.
	 * @return the property name
	 */
	String serversProperty() default "nats.servers";

}
