package io.github.natsboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sample application built on the NATS starter. It plays two roles, chosen with Spring
 * profiles: {@code web} (the HTTP API, which sends requests and orders over NATS) and
 * {@code worker} (the listeners that answer them). Without an active profile it plays
 * both.
 *
 * @see WebRole
 * @see WorkerRole
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SampleApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
