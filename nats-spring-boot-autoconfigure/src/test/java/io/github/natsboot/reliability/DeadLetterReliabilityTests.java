package io.github.natsboot.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.jetstream.TestStreams;
import io.github.natsboot.listener.JetStreamNatsListenerContainer;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerBindingException;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message a listener gives up on is terminated only once its dead letter is stored.
 * While the dead letter cannot be published (its stream is gone, a permission denies the
 * subject, the server was killed at the last delivery) the message is kept alive past its
 * ack wait and retried, and it ends in the dead-letter stream once that works again:
 * never lost, never invoked again, stored once. A listener that stops before then
 * releases the message for redelivery, and the next instance dead-letters it when it fails
 * there too.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterReliabilityTests {

	private static final int MAX_DELIVER = 2;

	private static final Duration ACK_WAIT = Duration.ofSeconds(2);

	private static final String APP_USER = "user: app, password: \"app-pw\"";

	private static final String ADMIN_USER = "{ user: admin, password: \"admin-pw\" }";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
				NatsJetStreamAutoConfiguration.class, NatsListenerAutoConfiguration.class,
				NatsMetricsAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withUserConfiguration(FailingListener.class)
		.withPropertyValues("nats.drain-timeout=5s", "nats.listener.stop-timeout=5s",
				"nats.listener.jetstream.backoff=50ms", "nats.listener.jetstream.max-deliver=" + MAX_DELIVER,
				"nats.listener.jetstream.ack-wait=" + ACK_WAIT.toMillis() + "ms", "nats.reconnect.wait=100ms");

	@Test
	void aDeadLetterWhoseStreamIsGoneIsKeptPastItsAckWaitAndStoredOnceTheStreamIsBack() throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection admin = Nats.connect(server.getUrl())) {
			JetStreamManagement management = admin.jetStreamManagement();
			resetStreams(management);
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				management.deleteStream("DLQ");
				for (int i = 0; i < 3; i++) {
					admin.jetStream().publish("work.order", ("o-" + i).getBytes());
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> container(context).getPendingDeadLetterCount() == 3);
				Thread.sleep(ACK_WAIT.multipliedBy(2).plusMillis(500).toMillis());
				FailingListener listener = context.getBean(FailingListener.class);
				assertThat(listener.invocations).containsOnlyKeys("o-0", "o-1", "o-2")
					.allSatisfy((id, count) -> assertThat(count).hasValue(MAX_DELIVER));
				assertThat(consumer(management).getNumAckPending()).isEqualTo(3);
				double failedAttempts = deadLetterFailures(context);
				management.addStream(TestStreams.fileStream("DLQ", "dlq.>"));
				long restored = System.nanoTime();
				await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(management) == 3 && settled(management));
				long storedAfter = Duration.ofNanos(System.nanoTime() - restored).toMillis();
				assertThat(distinctOriginals(management, 3)).hasSize(3);
				assertThat(listener.invocations).allSatisfy((id, count) -> assertThat(count).hasValue(MAX_DELIVER));
				assertThat(container(context).getPendingDeadLetterCount()).isZero();
				ReliabilityFigures.report("dead letter whose stream is gone",
						"3 messages failed %d times each / kept %d ms past the first failure, twice the ack wait, "
								+ "without redelivery / %.0f failed attempts counted / stored %d ms after the stream "
								+ "came back / dead letters 3, lost 0, invoked again 0",
						MAX_DELIVER, ACK_WAIT.multipliedBy(2).plusMillis(500).toMillis(), failedAttempts, storedAfter);
				assertThat(failedAttempts).isGreaterThanOrEqualTo(3);
			});
		}
	}

	@Test
	void aDeadLetterDeniedByPermissionsIsKeptUntilThePermissionIsGranted(@TempDir Path store) throws Exception {
		String denied = "authorization { users: [ { " + APP_USER + ", permissions: { publish: { deny: [\"dlq.>\"] } } }, "
				+ ADMIN_USER + " ] }";
		String granted = "authorization { users: [ { " + APP_USER + " }, " + ADMIN_USER + " ] }";
		NatsServer server = NatsServer.builder().storeDir(store).config(denied).start();
		int port = server.getPort();
		try (Connection admin = Nats.connect(adminOptions(server))) {
			JetStreamManagement management = admin.jetStreamManagement();
			resetStreams(management);
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl(), "nats.username=app",
					"nats.password=app-pw").run((context) -> {
						admin.jetStream().publish("work.order", "o-denied".getBytes());
						await().atMost(Duration.ofSeconds(20))
							.until(() -> deadLetterFailures(context) >= 2 && container(context).getPendingDeadLetterCount() == 1);
						assertThat(deadLetters(management)).isZero();
						server.close();
						try (NatsServer regranted = NatsServer.builder().port(port).storeDir(store).config(granted).start();
								Connection admin2 = Nats.connect(adminOptions(regranted))) {
							JetStreamManagement management2 = admin2.jetStreamManagement();
							await().atMost(Duration.ofSeconds(40))
								.until(() -> deadLetters(management2) == 1 && settled(management2));
							FailingListener listener = context.getBean(FailingListener.class);
							ReliabilityFigures.report("dead letter denied by a permission",
									"1 message failed %d times / dead letter denied, %.0f failed attempts counted / "
											+ "stored once the server granted the subject / dead letters %d, lost 0, "
											+ "invoked again 0",
									MAX_DELIVER, deadLetterFailures(context), deadLetters(management2));
							assertThat(listener.invocations.get("o-denied")).hasValue(MAX_DELIVER);
						}
					});
		}
		finally {
			server.close();
		}
	}

	@Test
	void aServerKilledAtTheLastDeliveryLosesNoDeadLetter() throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection admin = Nats.connect(reconnecting(server))) {
			JetStreamManagement management = admin.jetStreamManagement();
			resetStreams(management);
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				FailingListener listener = context.getBean(FailingListener.class);
				listener.onLastDelivery = server::kill;
				admin.jetStream().publish("work.order", "o-killed".getBytes());
				await().atMost(Duration.ofSeconds(20)).until(() -> container(context).getPendingDeadLetterCount() == 1);
				assertThat(server.isRunning()).isFalse();
				server.restart();
				long restarted = System.nanoTime();
				await().atMost(Duration.ofSeconds(40)).until(() -> deadLetters(management) == 1 && settled(management));
				long storedAfter = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
				ReliabilityFigures.report("server killed at the last delivery",
						"1 message, server kill -9 inside the last failing invocation / dead letter stored %d ms after "
								+ "the restart / dead letters %d, lost 0, invoked again %d",
						storedAfter, deadLetters(management), listener.invocations.get("o-killed").get() - MAX_DELIVER);
				assertThat(listener.invocations.get("o-killed")).hasValue(MAX_DELIVER);
			});
		}
	}

	@Test
	void aDeadLetterStillFailingAtStopIsRedeliveredAndDeadLetteredByTheNextInstance(CapturedOutput output)
			throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection admin = Nats.connect(server.getUrl())) {
			JetStreamManagement management = admin.jetStreamManagement();
			resetStreams(management);
			AtomicInteger firstInstance = new AtomicInteger();
			AtomicInteger nextInstance = new AtomicInteger();
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				management.deleteStream("DLQ");
				admin.jetStream().publish("work.order", "o-handed-over".getBytes());
				await().atMost(Duration.ofSeconds(20)).until(() -> container(context).getPendingDeadLetterCount() == 1);
				firstInstance.set(context.getBean(FailingListener.class).invocations.get("o-handed-over").get());
			});
			assertThat(output).contains("released it for redelivery");
			management.addStream(TestStreams.fileStream("DLQ", "dlq.>"));
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(management) == 1 && settled(management));
				nextInstance.set(context.getBean(FailingListener.class).invocations.get("o-handed-over").get());
			});
			MessageInfo deadLetter = management.getMessage("DLQ", 1);
			ReliabilityFigures.report("dead letter still failing when the listener stops",
					"1 message failed %d times, stopped with its dead letter unpublished / released, redelivered to the "
							+ "next instance, failed there once more and dead-lettered / dead letters %d, lost 0",
					firstInstance.get(), deadLetters(management));
			assertThat(firstInstance).hasValue(MAX_DELIVER);
			assertThat(nextInstance).hasValue(1);
			assertThat(deadLetter.getHeaders().getFirst(NatsHeaders.DLQ_REASON)).isEqualTo("max-deliveries");
			assertThat(deadLetter.getHeaders().getFirst(NatsHeaders.DLQ_DELIVERY_COUNT))
				.isEqualTo(Integer.toString(MAX_DELIVER + 1));
		}
	}

	@Test
	void aDeadLetterSubjectThatNoStreamCapturesIsWarnedAboutAtStartupAndFailsStartupInValidateMode(
			CapturedOutput output) throws Exception {
		try (NatsServer server = NatsServer.builder().start(); Connection admin = Nats.connect(server.getUrl())) {
			TestStreams.reset(admin.jetStreamManagement(), TestStreams.fileStream("WORK", "work.>"));
			this.contextRunner.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("@NatsListener 'dl' dead-letters to 'dlq.WORK.dl', which no stream captures");
			});
			this.contextRunner
				.withPropertyValues("nats.servers=" + server.getUrl(), "nats.jetstream.provisioning.mode=validate")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(NatsListenerBindingException.class)
					.hasMessageContaining("which no stream captures")
					.hasMessageContaining("nats.jetstream.streams.DLQ.subjects=dlq.WORK.dl"));
		}
	}

	private static void resetStreams(JetStreamManagement management) throws Exception {
		TestStreams.reset(management, TestStreams.fileStream("WORK", "work.>"), TestStreams.fileStream("DLQ", "dlq.>"));
	}

	private static Options adminOptions(NatsServer server) {
		return new Options.Builder().server(server.getUrl())
			.userInfo("admin", "admin-pw")
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100))
			.build();
	}

	private static Options reconnecting(NatsServer server) {
		return new Options.Builder().server(server.getUrl()).maxReconnects(-1).reconnectWait(Duration.ofMillis(100)).build();
	}

	private static JetStreamNatsListenerContainer container(ConfigurableApplicationContext context) {
		return (JetStreamNatsListenerContainer) context.getBean(NatsListenerEndpointRegistry.class)
			.getListenerContainer("dl");
	}

	private static double deadLetterFailures(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get(MicrometerNatsListenerMetricsFactory.DEAD_LETTER_FAILURES)
			.counter()
			.count();
	}

	private static ConsumerInfo consumer(JetStreamManagement management) throws Exception {
		return management.getConsumerInfo("WORK", "dl");
	}

	private static boolean settled(JetStreamManagement management) throws Exception {
		ConsumerInfo info = consumer(management);
		return info.getNumAckPending() == 0 && info.getNumPending() == 0;
	}

	private static long deadLetters(JetStreamManagement management) throws Exception {
		return management.getStreamInfo("DLQ").getStreamState().getMsgCount();
	}

	private static Set<String> distinctOriginals(JetStreamManagement management, int count) throws Exception {
		Set<String> originals = new HashSet<>();
		for (long sequence = 1; sequence <= count; sequence++) {
			originals.add(management.getMessage("DLQ", sequence).getHeaders().getFirst(NatsHeaders.DLQ_STREAM_SEQUENCE));
		}
		return originals;
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

		volatile Runnable onLastDelivery;

		@NatsListener(id = "dl", stream = "WORK", subjects = "work.>")
		void onOrder(String order) {
			int count = this.invocations.computeIfAbsent(order, (id) -> new AtomicInteger()).incrementAndGet();
			Runnable hook = this.onLastDelivery;
			if (count == MAX_DELIVER && hook != null) {
				hook.run();
			}
			throw new IllegalStateException("cannot process " + order);
		}

	}

}
