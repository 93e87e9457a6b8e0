package io.github.natsboot.autoconfigure.devserver;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.core.NatsLifecyclePhases;
import io.github.natsboot.devserver.NatsDevServer;
import io.nats.client.Connection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application on the dev server, run in its own JVM by {@link NatsDevServerJvmExitTests}. It
 * prints the pid of its {@code nats-server} child once started, and on shutdown what it sees right
 * after the connection has drained, then waits to be stopped.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NatsDevServerAutoConfiguration.class, NatsAutoConfiguration.class,
		SslAutoConfiguration.class })
public class DevServerApplication {

	static final String STARTED = "dev server child pid=";

	static final String AFTER_DRAIN = "after drain: ";

	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = new SpringApplication(DevServerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run("--nats.dev-server.enabled=true", "--nats.drain-timeout=5s");
		ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().orElse("").endsWith("nats-server"))
			.forEach((child) -> System.out.println(STARTED + child.pid()));
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	@Bean
	SmartLifecycle afterDrainWitness(Connection connection, NatsDevServer server) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				this.running = true;
			}

			@Override
			public void stop() {
				System.out.println(AFTER_DRAIN + "connection " + connection.getStatus() + ", server running "
						+ server.isRunning());
				System.out.flush();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return NatsLifecyclePhases.CONNECTION - 1;
			}

		};
	}

}
