package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @NatsListener(errorHandler = "beanName")} with real requests, through
 * {@link NatsTemplate} and a plain jnats client: the named {@link NatsListenerErrorHandler}
 * handles that listener's failures instead of the application's own handler, a value it
 * returns is the reply (no error headers), and an exception it throws is the error the
 * requester is answered with, in place of the listener's.
 */
@EmbeddedNats(jetStream = false)
class NatsListenerErrorHandlerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	NatsListenerErrorHandlerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withUserConfiguration(FailingQuoteListeners.class, ErrorHandlers.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s");
	}

	@Test
	void aNamedErrorHandlerHandlesItsListenerInsteadOfTheApplicationsHandler() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			ErrorHandlers handlers = context.getBean(ErrorHandlers.class);
			Quote quote = template.request("quotes.fallback", new Order("o-1", 2), Quote.class, TIMEOUT);
			assertThat(quote).isEqualTo(ErrorHandlers.FALLBACK);
			assertThat(handlers.fallbackHandled.poll()).isEqualTo("fallback: price list unavailable for o-1");
			assertThat(handlers.applicationHandled).isEmpty();
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("quotes.default", new Order("o-2", 2), Quote.class, TIMEOUT))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(500);
					assertThat(ex.getDescription()).isEqualTo("price list unavailable for o-2");
				});
			assertThat(handlers.applicationHandled.poll()).isEqualTo("default: price list unavailable for o-2");
			assertThat(handlers.fallbackHandled).isEmpty();
		});
	}

	@Test
	void theValueANamedErrorHandlerReturnsIsTheReplyToARawRequest() {
		this.contextRunner.run((context) -> {
			try (Connection client = Nats.connect(this.server.getUrl())) {
				Message reply = client.request("quotes.fallback",
						"{\"id\":\"o-3\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
				assertThat(reply).as("reply").isNotNull();
				assertThat(errorHeader(reply, NatsHeaders.SERVICE_ERROR)).isNull();
				assertThat(errorHeader(reply, NatsHeaders.SERVICE_ERROR_CODE)).isNull();
				assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).contains("\"orderId\":\"fallback\"")
					.contains("\"price\":0.0");
			}
			assertThat(context.getBean(ErrorHandlers.class).fallbackHandled.poll())
				.isEqualTo("fallback: price list unavailable for o-3");
		});
	}

	@Test
	void anErrorHandlerThatThrowsAnswersTheRequesterWithItsOwnError() {
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> context.getBean(NatsTemplate.class)
					.request("quotes.paused", new Order("o-4", 1), Quote.class, TIMEOUT))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(503);
					assertThat(ex.getDescription()).isEqualTo("pricing is paused");
				});
			try (Connection client = Nats.connect(this.server.getUrl())) {
				Message reply = client.request("quotes.broken",
						"{\"id\":\"o-5\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
				assertThat(reply).as("reply").isNotNull();
				assertThat(errorHeader(reply, NatsHeaders.SERVICE_ERROR_CODE)).isEqualTo("500");
				assertThat(errorHeader(reply, NatsHeaders.SERVICE_ERROR)).isEqualTo("error handler failed on o-5");
				assertThat(reply.getData()).isEmpty();
			}
			assertThat(context.getBean(ErrorHandlers.class).applicationHandled).isEmpty();
		});
	}

	private static String errorHeader(Message reply, String name) {
		return (reply.getHeaders() != null) ? reply.getHeaders().getFirst(name) : null;
	}

	record Order(String id, int quantity) {
	}

	record Quote(String orderId, double price) {
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingQuoteListeners {

		@NatsListener(id = "fallback", subjects = "quotes.fallback", errorHandler = "fallbackQuotes")
		Quote fallback(Order order) {
			return unavailable(order);
		}

		@NatsListener(id = "default", subjects = "quotes.default")
		Quote byDefault(Order order) {
			return unavailable(order);
		}

		@NatsListener(id = "paused", subjects = "quotes.paused", errorHandler = "pausedPricing")
		Quote paused(Order order) {
			return unavailable(order);
		}

		@NatsListener(id = "broken", subjects = "quotes.broken", errorHandler = "brokenHandler")
		Quote broken(Order order) {
			return unavailable(order);
		}

		private static Quote unavailable(Order order) {
			throw new IllegalStateException("price list unavailable for " + order.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ErrorHandlers {

		static final Quote FALLBACK = new Quote("fallback", 0.0);

		final BlockingQueue<String> applicationHandled = new LinkedBlockingQueue<>();

		final BlockingQueue<String> fallbackHandled = new LinkedBlockingQueue<>();

		@Bean
		@Primary
		NatsListenerErrorHandler applicationErrorHandler() {
			return (message, exception) -> {
				this.applicationHandled.add(describe(exception));
				return null;
			};
		}

		@Bean
		NatsListenerErrorHandler fallbackQuotes() {
			return (message, exception) -> {
				this.fallbackHandled.add(describe(exception));
				return FALLBACK;
			};
		}

		@Bean
		NatsListenerErrorHandler pausedPricing() {
			return (message, exception) -> {
				throw new NatsServiceErrorException(message.getSubject(), 503, "pricing is paused");
			};
		}

		@Bean
		NatsListenerErrorHandler brokenHandler() {
			return (message, exception) -> {
				String cause = exception.getCause().getMessage();
				throw new IllegalArgumentException("error handler failed on " + cause.substring(cause.lastIndexOf(' ') + 1));
			};
		}

		private static String describe(NatsListenerExecutionFailedException exception) {
			return exception.getListenerId() + ": " + exception.getCause().getMessage();
		}

	}

}
