package io.github.natsboot.cloud.stream.binder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JetStream binding whose server is killed ({@code kill -9}) in the middle of a
 * stream and restarted: every message is handled, none is lost.
 */
@SpringBootTest(classes = NatsBinderServerCrashIntegrationTests.WorkApplication.class,
		properties = { "spring.cloud.function.definition=work",
				"spring.cloud.stream.bindings.work-in-0.destination=jobs.run",
				"spring.cloud.stream.bindings.work-in-0.group=workers",
				"spring.cloud.stream.nats.bindings.work-in-0.consumer.stream=JOBS",
				"spring.cloud.stream.nats.bindings.work-in-0.consumer.ack-wait=3s" })
@EmbeddedNats
class NatsBinderServerCrashIntegrationTests {

	private static final int JOBS = 3000;

	@Autowired
	Connection connection;

	@Autowired
	NatsCluster nats;

	@Autowired
	WorkApplication application;

	@Test
	void everyMessageIsHandledAfterTheServerIsKilledMidStreamAndRestarted() throws Exception {
		JetStream jetStream = this.connection.jetStream();
		for (int i = 0; i < JOBS; i++) {
			jetStream.publishAsync("jobs.run", ("job-" + i).getBytes(StandardCharsets.UTF_8));
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.connection.jetStreamManagement()
				.getStreamInfo("JOBS")
				.getStreamState()
				.getMsgCount() == JOBS);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.application.handled.size() >= JOBS / 6);

		this.nats.server().kill();
		int handledWhileDown = this.application.handled.size();
		Thread.sleep(1000);
		this.nats.server().restart();

		await().atMost(Duration.ofSeconds(60)).until(() -> this.application.handled.size() == JOBS);
		assertThat(handledWhileDown).isLessThan(JOBS);
		assertThat(this.application.handled).isEqualTo(
				IntStream.range(0, JOBS).mapToObj((i) -> "job-" + i).collect(Collectors.toSet()));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ConsumerInfo consumer = this.connection.jetStreamManagement().getConsumerInfo("JOBS", "workers");
			assertThat(consumer.getNumPending()).isZero();
			assertThat(consumer.getNumAckPending()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WorkApplication {

		final Set<String> handled = ConcurrentHashMap.newKeySet();

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		Consumer<String> work() {
			return (job) -> {
				this.calls.incrementAndGet();
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.handled.add(job);
			};
		}

	}

}
