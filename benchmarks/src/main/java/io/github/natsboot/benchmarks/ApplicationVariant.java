package io.github.natsboot.benchmarks;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A variant that runs a Spring Boot application on the starter, whose beans a scenario
 * can check between rounds.
 */
interface ApplicationVariant extends Variant {

	/**
	 * The running application.
	 * @return the context, or {@code null} before {@link #open()}
	 */
	ConfigurableApplicationContext context();

}
