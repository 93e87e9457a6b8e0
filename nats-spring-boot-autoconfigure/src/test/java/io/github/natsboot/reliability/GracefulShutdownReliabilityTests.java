package io.github.natsboot.reliability;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application share a durable consumer; one of them is closed while
 * a producer keeps publishing. The closing instance finishes and acknowledges its
 * in-flight messages and hands the ones it had buffered back; the other instance
 * processes the rest.
 */
class GracefulShutdownReliabilityTests {

	private static final int MESSAGES = 2000;

	@Test
	void closingOneInstanceUnderLoadLosesNothingAcknowledgesNothingUnprocessedAndTheOtherTakesOver()
			throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection admin = Nats.connect(server.getUrl())) {
			JetStreamManagement management = admin.jetStreamManagement();
			management.addStream(StreamConfiguration.builder()
				.name("WORK")
				.subjects("work.>")
				.storageType(StorageType.File)
				.build());
			management.addOrUpdateConsumer("WORK", ConsumerConfiguration.builder()
				.durable("workers")
				.ackPolicy(AckPolicy.Explicit)
				.ackWait(Duration.ofSeconds(10))
				.build());
			Tally tally = new Tally();
			ApplicationContextRunner instance = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, NatsListenerAutoConfiguration.class,
						JacksonAutoConfiguration.class))
				.withUserConfiguration(WorkListener.class)
				.withBean(Tally.class, () -> tally)
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.listener.stop-timeout=10s",
						"nats.listener.jetstream.batch-size=20", "nats.drain-timeout=5s");
			instance.run((second) -> {
				NatsTemplate template = second.getBean(NatsTemplate.class);
				Set<String> acked = ConcurrentHashMap.newKeySet();
				AtomicInteger publishFailures = new AtomicInteger();
				Thread producer = new Thread(() -> {
					for (int i = 0; i < MESSAGES; i++) {
						String id = "w-" + i;
						Messages.publishUntilAcknowledged(template, "work.items", id, publishFailures,
								Duration.ofSeconds(30));
						acked.add(id);
					}
				}, "work-producer");
				producer.start();
				AtomicReference<WorkListener> first = new AtomicReference<>();
				AtomicLong closeStart = new AtomicLong();
				instance.run((firstContext) -> {
					first.set(firstContext.getBean(WorkListener.class));
					await().atMost(Duration.ofSeconds(20)).until(() -> first.get().completed.size() >= 200);
					closeStart.set(System.nanoTime());
				});
				long closeMillis = Messages.millisSince(closeStart.get());
				WorkListener closed = first.get();
				int finishedWhileClosing = closed.completed.size() - closed.completedAtStop();
				assertThat(closed.started).as("every handler the closed instance started has finished")
					.hasSameSizeAs(closed.completed);

				producer.join(Duration.ofSeconds(60).toMillis());
				assertThat(acked).hasSize(MESSAGES);
				await().atMost(Duration.ofSeconds(30)).until(() -> tally.completed.containsAll(acked));
				await().atMost(Duration.ofSeconds(15)).until(() -> {
					ConsumerInfo info = management.getConsumerInfo("WORK", "workers");
					return info.getNumAckPending() == 0 && info.getNumPending() == 0;
				});
				ConsumerInfo info = management.getConsumerInfo("WORK", "workers");
				int lost = MESSAGES - (int) acked.stream().filter(tally.completed::contains).count();
				ReliabilityFigures.report("application context closed under load, second instance takes over",
						"sent %d / acked %d / processed %d (closed instance %d, other %d) / lost %d / duplicates %d; "
								+ "close took %d ms, %d handlers finished and acknowledged while closing; consumer ack floor %d of %d",
						MESSAGES, acked.size(), tally.completed.size(), closed.completed.size(),
						second.getBean(WorkListener.class).completed.size(), lost, tally.duplicates.get(),
						closeMillis, finishedWhileClosing, info.getAckFloor().getStreamSequence(), MESSAGES);
				assertThat(lost).isZero();
				assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(MESSAGES);
			});
		}
	}

	static class Tally {

		final Set<String> completed = ConcurrentHashMap.newKeySet();

		final AtomicInteger duplicates = new AtomicInteger();

		void completed(String id) {
			if (!this.completed.add(id)) {
				this.duplicates.incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WorkListener implements org.springframework.context.SmartLifecycle {

		final Set<String> started = ConcurrentHashMap.newKeySet();

		final Set<String> completed = ConcurrentHashMap.newKeySet();

		private final Tally tally;

		private volatile int completedAtStop = -1;

		private volatile boolean running;

		WorkListener(Tally tally) {
			this.tally = tally;
		}

		@NatsListener(id = "worker", stream = "WORK", consumer = "workers", concurrency = "2")
		void onItem(String id) throws InterruptedException {
			this.started.add(id);
			Thread.sleep(5);
			this.completed.add(id);
			this.tally.completed(id);
		}

		/**
		 * Handlers completed when the context began to close (this bean stops before the
		 * listener containers, which stop in a late phase).
		 */
		int completedAtStop() {
			return this.completedAtStop;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.completedAtStop = this.completed.size();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MAX_VALUE;
		}

	}

}
