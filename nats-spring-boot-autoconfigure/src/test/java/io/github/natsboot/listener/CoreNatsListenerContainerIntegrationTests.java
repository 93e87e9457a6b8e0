package io.github.natsboot.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedNats
class CoreNatsListenerContainerIntegrationTests {

	@Test
	void slowConsumerDropsAreCountedAndTheListenerKeepsWorking(NatsServer server) throws Exception {
		try (Connection connection = Nats.connect(server.getUrl())) {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch afterDrops = new CountDownLatch(1);
			NatsListenerEndpoint endpoint = new MethodNatsListenerEndpoint("slow", List.of("flood"), null, 1, true,
					null, null);
			CoreNatsListenerContainer container = new CoreNatsListenerContainer(endpoint, connection, (message) -> {
				release.await();
				if ("after".equals(new String(message.getData()))) {
					afterDrops.countDown();
				}
			}, 10, 1024 * 1024, Duration.ofSeconds(5));
			container.start();
			connection.flush(Duration.ofSeconds(2));
			for (int i = 0; i < 100; i++) {
				connection.publish("flood", new byte[] { 1 });
			}
			connection.flush(Duration.ofSeconds(2));
			await().atMost(Duration.ofSeconds(10)).until(() -> container.getDroppedCount() >= 80);
			release.countDown();
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
				connection.publish("flood", "after".getBytes());
				return afterDrops.await(50, TimeUnit.MILLISECONDS);
			});
			System.out.printf("slow consumer: 100 sent with a pending limit of 10, %d dropped%n",
					container.getDroppedCount());
			assertThat(container.getDroppedCount()).isGreaterThanOrEqualTo(80);
			container.stop();
			assertThat(container.getDroppedCount()).as("kept after stop").isGreaterThanOrEqualTo(80);
		}
	}

}
