package io.github.natsboot.autoconfigure.jetstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.jetstream.JetStreamReader;
import io.github.natsboot.jetstream.ReplayRequest;
import io.github.natsboot.jetstream.ReplayResult;
import io.github.natsboot.jetstream.ReplayedMessage;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline configured only with properties: streams and consumers provisioned from
 * {@code nats.jetstream.*}, consumed by a {@code @NatsListener}, failures dead-lettered
 * into a provisioned stream and read back with the {@link JetStreamReader}.
 */
@EmbeddedNats
class ProvisionedJetStreamListenerIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	ProvisionedJetStreamListenerIntegrationTests(NatsServer server) {
		String stream = "nats.jetstream.streams.PIPELINE";
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsJetStreamAutoConfiguration.class, NatsListenerAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.jetstream.backoff=50ms",
					stream + ".subjects=pipeline.>", stream + ".storage=memory",
					stream + ".consumers.workers.filter-subjects=pipeline.orders",
					stream + ".consumers.workers.max-deliver=2", stream + ".consumers.workers.ack-wait=5s",
					"nats.jetstream.streams.PIPELINE-DLQ.subjects=dlq.PIPELINE.>",
					"nats.jetstream.streams.PIPELINE-DLQ.storage=memory");
	}

	@Test
	void listenerConsumesAProvisionedConsumerAndDeadLettersIntoAProvisionedStream() {
		this.contextRunner.withUserConfiguration(PipelineListener.class).run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 0; i < 100; i++) {
				template.publishToStream("pipeline.orders", (i == 42) ? "poison" : "order-" + i);
			}
			PipelineListener listener = context.getBean(PipelineListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.processed.size() == 99);
			JetStreamManagement management = context.getBean(Connection.class).jetStreamManagement();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				ConsumerInfo info = management.getConsumerInfo("PIPELINE", "workers");
				return info.getAckFloor().getStreamSequence() == 100 && info.getNumAckPending() == 0;
			});
			assertThat(listener.poisonAttempts).hasValue(2);

			ReplayResult result = context.getBean(JetStreamReader.class)
				.replay(ReplayRequest.builder("PIPELINE-DLQ").build(), String.class, (dead) -> {
					assertThat(dead.value()).isEqualTo("poison");
					assertThat(deadLetterHeader(dead, NatsHeaders.DLQ_STREAM)).isEqualTo("PIPELINE");
					assertThat(deadLetterHeader(dead, NatsHeaders.DLQ_CONSUMER)).isEqualTo("workers");
					assertThat(deadLetterHeader(dead, NatsHeaders.DLQ_DELIVERY_COUNT)).isEqualTo("2");
				});
			assertThat(result.count()).isEqualTo(1);
		});
	}

	private static String deadLetterHeader(ReplayedMessage<String> message, String name) {
		return message.headers().getFirst(name);
	}

	@Configuration(proxyBeanMethods = false)
	static class PipelineListener {

		final Set<String> processed = ConcurrentHashMap.newKeySet();

		final AtomicInteger poisonAttempts = new AtomicInteger();

		@NatsListener(stream = "PIPELINE", consumer = "workers", concurrency = "2")
		void process(String order) {
			if (order.equals("poison")) {
				this.poisonAttempts.incrementAndGet();
				throw new IllegalStateException("cannot process " + order);
			}
			this.processed.add(order);
		}

	}

}
