package io.github.natsboot.reliability.soak;

import java.nio.file.Path;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.leader.LeadershipGrantedEvent;
import io.github.natsboot.leader.LeadershipRevokedEvent;
import io.github.natsboot.listener.NatsListener;
import io.nats.client.ConnectionListener;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * One instance of the application the soak test runs twice, each in its own JVM so that
 * the test can stop it with {@code SIGTERM}: a JetStream listener on the replicated
 * {@code SOAK} stream, a request/reply listener in a queue group, and a leader election,
 * each recording what it does in the instance's {@link SoakJournal}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
		NatsListenerAutoConfiguration.class, NatsLeaderAutoConfiguration.class, JacksonAutoConfiguration.class })
public class SoakApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SoakApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Bean(destroyMethod = "close")
	SoakJournal soakJournal(@Value("${soak.journal}") Path file) {
		return new SoakJournal(file);
	}

	@Bean
	ConnectionListener soakConnections(SoakJournal journal) {
		return (connection, event) -> {
			if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
				journal.record("C " + connection.getConnectedUrl() + " " + System.currentTimeMillis());
			}
		};
	}

	@Bean
	Workload soakWorkload(SoakJournal journal) {
		return new Workload(journal);
	}

	/**
	 * The listeners and leadership events of an instance.
	 */
	static class Workload {

		private final SoakJournal journal;

		Workload(SoakJournal journal) {
			this.journal = journal;
		}

		@NatsListener(id = "soak-orders", stream = "SOAK", subjects = "soak.orders", concurrency = "2")
		void onOrder(String id) {
			this.journal.record("P " + id + " " + System.currentTimeMillis());
		}

		@NatsListener(id = "soak-quotes", subjects = "soak.quote", queue = "soak-workers")
		String quote(String id) {
			return id;
		}

		@EventListener
		void granted(LeadershipGrantedEvent event) {
			this.journal.record("G " + event.getFencingToken() + " " + System.currentTimeMillis());
		}

		@EventListener
		void revoked(LeadershipRevokedEvent event) {
			this.journal.record("R " + event.getFencingToken() + " " + System.currentTimeMillis());
		}

		@EventListener
		void ready(ApplicationReadyEvent event) {
			this.journal.record("READY " + System.currentTimeMillis());
		}

	}

}
