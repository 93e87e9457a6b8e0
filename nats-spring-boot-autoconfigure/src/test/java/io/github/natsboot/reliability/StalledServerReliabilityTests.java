package io.github.natsboot.reliability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.core.NatsRequestTimeoutException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A server frozen with {@code SIGSTOP}: the socket stays open and nothing answers, as
 * with a hung host or a network partition. Only the client's pings notice it, after at
 * most {@code (max-pings-out + 1) x ping-interval}: a ping is sent every interval and the
 * connection is declared broken at the first tick that finds {@code max-pings-out}
 * unanswered. Until then a stream publish fails with its publish timeout; afterwards, with
 * {@code nats.reconnect.buffer-size=0}, every publish fails at once.
 */
class StalledServerReliabilityTests {

	private static final Duration PING_INTERVAL = Duration.ofMillis(500);

	private static final int MAX_PINGS_OUT = 2;

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	@Test
	void aFrozenServerIsDetectedWithinThePingBoundAndPublishesFailClearlyInsteadOfHanging() throws Exception {
		try (NatsServer server = NatsServer.builder().start()) {
			try (Connection admin = Nats.connect(server.getUrl())) {
				admin.jetStreamManagement()
					.addStream(StreamConfiguration.builder()
						.name("STALL")
						.subjects("stall.>")
						.storageType(StorageType.File)
						.build());
			}
			DisconnectRecorder disconnects = new DisconnectRecorder();
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
						NatsTemplateAutoConfiguration.class, JacksonAutoConfiguration.class))
				.withBean(DisconnectRecorder.class, () -> disconnects)
				.withPropertyValues("nats.servers=" + server.getUrl(),
						"nats.ping-interval=" + PING_INTERVAL.toMillis() + "ms", "nats.max-pings-out=" + MAX_PINGS_OUT,
						"nats.reconnect.buffer-size=0",
						"nats.reconnect.wait=100ms", "nats.connection-timeout=1s",
						"nats.template.jetstream.publish-timeout=" + PUBLISH_TIMEOUT.toMillis() + "ms",
						"nats.drain-timeout=2s");
			runner.run((context) -> {
				NatsTemplate template = context.getBean(NatsTemplate.class);
				Connection connection = context.getBean(Connection.class);
				template.publishToStream("stall.before", "before");

				server.pause();
				long pausedAt = System.nanoTime();
				try {
					long publishStart = System.nanoTime();
					Throwable whileUndetected = catchThrowable(() -> template.publishToStream("stall.during", "x"));
					long publishFailedMillis = Messages.millisSince(publishStart);

					await().atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(10))
						.until(() -> disconnects.disconnectedAt.get() != 0);
					long detectedMillis = Duration.ofNanos(disconnects.disconnectedAt.get() - pausedAt).toMillis();

					long coreStart = System.nanoTime();
					Throwable coreWhileDisconnected = catchThrowable(() -> template.publish("stall.core", "x"));
					long coreFailedMillis = Messages.millisSince(coreStart);
					long streamStart = System.nanoTime();
					Throwable streamWhileDisconnected = catchThrowable(
							() -> template.publishToStream("stall.after", "x"));
					long streamFailedMillis = Messages.millisSince(streamStart);

					long bound = PING_INTERVAL.toMillis() * (MAX_PINGS_OUT + 1);
					ReliabilityFigures.report("server frozen with SIGSTOP",
							"disconnect detected after %d ms (ping %d ms x %d pings out: bound %d ms); stream publish "
									+ "before detection failed after %d ms (%s); while disconnected core publish failed "
									+ "after %d ms (%s), stream publish after %d ms (%s)",
							detectedMillis, PING_INTERVAL.toMillis(), MAX_PINGS_OUT, bound, publishFailedMillis,
							describe(whileUndetected), coreFailedMillis, describe(coreWhileDisconnected),
							streamFailedMillis, describe(streamWhileDisconnected));
					assertThat(detectedMillis).as("detection, bound %d ms plus scheduling slack", bound)
						.isLessThan(bound + 3000);
					assertThat(whileUndetected).isInstanceOf(NatsRequestTimeoutException.class)
						.hasMessageContaining("stall.during");
					assertThat(publishFailedMillis).isLessThan(PUBLISH_TIMEOUT.toMillis() + 3000);
					assertThat(coreWhileDisconnected).isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("reconnect");
					assertThat(streamWhileDisconnected).isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("reconnect");
					assertThat(coreFailedMillis).isLessThan(1000);
					assertThat(streamFailedMillis).isLessThan(1000);
				}
				finally {
					server.resume();
				}
				await().atMost(Duration.ofSeconds(15))
					.until(() -> connection.getStatus() == Connection.Status.CONNECTED);
				template.publishToStream("stall.resumed", "after");
			});
		}
	}

	private static String describe(Throwable failure) {
		return (failure != null) ? failure.getClass().getSimpleName() + ": " + failure.getMessage() : "no failure";
	}

	static class DisconnectRecorder implements ConnectionListener {

		final AtomicLong disconnectedAt = new AtomicLong();

		@Override
		@SuppressWarnings("deprecation")
		public void connectionEvent(Connection connection, Events type) {
			if (type == Events.DISCONNECTED) {
				this.disconnectedAt.compareAndSet(0, System.nanoTime());
			}
		}

	}

}
