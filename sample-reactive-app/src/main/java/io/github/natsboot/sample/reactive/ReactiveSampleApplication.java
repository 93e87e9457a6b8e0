package io.github.natsboot.sample.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Reactive sample application built on the NATS starter: a WebFlux API that asks a
 * {@code @NatsListener} for quotes over request/reply and streams price ticks from a NATS
 * subject as server-sent events, all through {@code ReactiveNatsOperations}.
 *
 * @see QuoteController
 * @see QuoteWorker
 * @see TickPublisher
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReactiveSampleApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ReactiveSampleApplication.class, args);
	}

}
