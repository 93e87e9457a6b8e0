package io.github.natsboot.jackson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.core.NatsOperations;
import io.github.natsboot.core.convert.JsonCodec;
import io.github.natsboot.jackson.OrderApplication.OrderConfirmation;
import io.github.natsboot.jackson.OrderApplication.OrderListeners;
import io.github.natsboot.jackson.OrderApplication.PlaceOrder;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON round trips through the template and {@code @NatsListener} methods against a real
 * server, in an application with exactly one Jackson on its classpath. Subclasses name
 * that Jackson and set {@code property-naming-strategy=SNAKE_CASE} on the application's
 * mapper, to show that it is the one in use. The context is closed after the class, while
 * its server still runs, rather than by a shutdown hook racing the one that kills the
 * server.
 */
@DirtiesContext
abstract class JsonRoundTripTests {

	private static final String JACKSON_3 = "tools.jackson.databind.json.JsonMapper";

	private static final String JACKSON_2 = "com.fasterxml.jackson.databind.ObjectMapper";

	private final PlaceOrder order = new PlaceOrder("o-1", "book", 3,
			Instant.now().truncatedTo(ChronoUnit.MILLIS));

	@Autowired
	private NatsOperations nats;

	@Autowired
	private Connection connection;

	@Autowired
	private OrderListeners listeners;

	@Autowired
	private JsonCodec jsonCodec;

	/**
	 * Whether the application has Jackson 3, else Jackson 2.
	 * @return {@code true} for Jackson 3
	 */
	abstract boolean jackson3();

	@Test
	void onlyOneJacksonIsOnTheClasspathAndItsCodecIsUsed() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent(JACKSON_3, classLoader)).isEqualTo(jackson3());
		assertThat(ClassUtils.isPresent(JACKSON_2, classLoader)).isEqualTo(!jackson3());
		assertThat(this.jsonCodec.getClass().getSimpleName())
			.isEqualTo(jackson3() ? "JacksonJsonCodec" : "Jackson2JsonCodec");
	}

	@Test
	void publishedObjectReachesTheListener() throws Exception {
		this.nats.publish("orders.audit", this.order);
		assertThat(this.listeners.audited.poll(10, TimeUnit.SECONDS)).isEqualTo(this.order);
	}

	@Test
	void requestIsAnsweredWithTheListenersReturnValue() {
		OrderConfirmation confirmation = this.nats.request("orders.place", this.order, OrderConfirmation.class,
				Duration.ofSeconds(10));
		assertThat(confirmation).isEqualTo(new OrderConfirmation("o-1", 6));
	}

	@Test
	void payloadIsWrittenByTheApplicationsMapper() throws Exception {
		Subscription subscription = this.connection.subscribe("orders.raw");
		this.connection.flush(Duration.ofSeconds(5));
		this.nats.publish("orders.raw", this.order);
		Message message = subscription.nextMessage(Duration.ofSeconds(10));
		assertThat(message).isNotNull();
		String json = new String(message.getData(), StandardCharsets.UTF_8);
		assertThat(json).contains("\"order_id\":\"o-1\"").contains("\"placed_at\"").doesNotContain("orderId");
		assertThat(message.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
	}

}
