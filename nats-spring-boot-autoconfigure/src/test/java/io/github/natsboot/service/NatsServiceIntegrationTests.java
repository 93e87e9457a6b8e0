package io.github.natsboot.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.service.NatsServiceAutoConfiguration;
import io.github.natsboot.core.NatsNoRespondersException;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.listener.CoreNatsListenerContainer;
import io.github.natsboot.listener.NatsListener;
import io.github.natsboot.listener.NatsListenerContainer;
import io.github.natsboot.listener.NatsListenerEndpointRegistry;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.service.Discovery;
import io.nats.service.EndpointStats;
import io.nats.service.InfoResponse;
import io.nats.service.PingResponse;
import io.nats.service.StatsResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code @NatsListener} methods exposed as a NATS service, discovered and measured by a
 * plain jnats client.
 */
@EmbeddedNats(jetStream = false)
class NatsServiceIntegrationTests {

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	NatsServiceIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsServiceAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withUserConfiguration(QuoteListeners.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s", "nats.service.enabled=true", "nats.service.name=quotes",
					"nats.service.version=1.2.3", "nats.service.description=Prices quotes",
					"nats.service.metadata.team=pricing");
	}

	@Test
	void discoveryFindsTheServiceWithItsEndpoints() {
		this.contextRunner.run((context) -> {
			try (Connection client = client()) {
				Discovery discovery = new Discovery(client, 2000, 5);
				List<PingResponse> pings = discovery.ping();
				assertThat(pings).singleElement().satisfies((ping) -> {
					assertThat(ping.getName()).isEqualTo("quotes");
					assertThat(ping.getVersion()).isEqualTo("1.2.3");
					assertThat(ping.getMetadata()).containsEntry("team", "pricing");
				});
				InfoResponse info = discovery.info("quotes").get(0);
				assertThat(info.getDescription()).isEqualTo("Prices quotes");
				assertThat(info.getEndpoints()).extracting("name", "subject", "queueGroup")
					.containsExactlyInAnyOrder(tuple("quote", "quotes.get", "q"),
							tuple("audit-1", "audit.eu", "auditors"),
							tuple("audit-2", "audit.us", "auditors"));
			}
		});
	}

	@Test
	void statsCountRequestsErrorsAndProcessingTime() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			for (int i = 1; i <= 3; i++) {
				assertThat(template.request("quotes.get", "item-" + i, String.class, Duration.ofSeconds(5)))
					.isEqualTo("price of item-" + i);
			}
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> template.request("quotes.get", "unknown", String.class, Duration.ofSeconds(5)))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(404);
					assertThat(ex.getDescription()).isEqualTo("no price for unknown");
				});
			try (Connection client = client()) {
				StatsResponse stats = new Discovery(client, 2000, 5).stats("quotes").get(0);
				EndpointStats quote = endpoint(stats, "quote");
				assertThat(quote.getNumRequests()).isEqualTo(4);
				assertThat(quote.getNumErrors()).isEqualTo(1);
				assertThat(quote.getLastError()).isEqualTo("no price for unknown");
				assertThat(quote.getProcessingTime()).isPositive();
				assertThat(endpoint(stats, "audit-1").getNumRequests()).isZero();
			}
		});
	}

	@Test
	void publishedMessagesReachTheListenerAndAreCounted() {
		this.contextRunner.run((context) -> {
			NatsTemplate template = context.getBean(NatsTemplate.class);
			template.publish("audit.eu", "a");
			template.publish("audit.us", "b");
			QuoteListeners listeners = context.getBean(QuoteListeners.class);
			assertThat(List.of(listeners.audited.poll(5, TimeUnit.SECONDS), listeners.audited.poll(5, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder("a", "b");
			try (Connection client = client()) {
				StatsResponse stats = new Discovery(client, 2000, 5).stats("quotes").get(0);
				assertThat(endpoint(stats, "audit-1").getNumRequests()).isEqualTo(1);
				assertThat(endpoint(stats, "audit-2").getNumRequests()).isEqualTo(1);
			}
		});
	}

	@Test
	void stoppedOrPausedListenerReceivesNothingAndComesBackOnTheSameEndpoint() {
		this.contextRunner.run((context) -> {
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("quote");
			NatsTemplate template = context.getBean(NatsTemplate.class);
			container.stop();
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("quotes.get", "item-1", String.class, Duration.ofSeconds(5)));
			container.start();
			assertThat(template.request("quotes.get", "item-2", String.class, Duration.ofSeconds(5)))
				.isEqualTo("price of item-2");
			container.pause();
			assertThatExceptionOfType(NatsNoRespondersException.class)
				.isThrownBy(() -> template.request("quotes.get", "item-3", String.class, Duration.ofSeconds(5)));
			container.resume();
			assertThat(template.request("quotes.get", "item-4", String.class, Duration.ofSeconds(5)))
				.isEqualTo("price of item-4");
			try (Connection client = client()) {
				Discovery discovery = new Discovery(client, 2000, 5);
				assertThat(endpoint(discovery.stats("quotes").get(0), "quote").getNumRequests()).isEqualTo(2);
				assertThat(discovery.info("quotes").get(0).getEndpoints()).hasSize(3);
			}
		});
	}

	@Test
	void listenersWithConcurrencyStayCoreListeners() {
		this.contextRunner.withUserConfiguration(ConcurrentListener.class).run((context) -> {
			assertThat(context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("parallel"))
				.isInstanceOf(CoreNatsListenerContainer.class);
			assertThat(context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("quote"))
				.isInstanceOf(ServiceNatsListenerContainer.class);
		});
	}

	@Test
	void serviceNameDefaultsToTheApplicationName() {
		this.contextRunner.withPropertyValues("nats.service.name=", "spring.application.name=pricing-app")
			.run((context) -> {
				assertThat(context.getBean(NatsMicroService.class).getService().getName()).isEqualTo("pricing-app");
			});
	}

	@Test
	void versionThatIsNotSemanticFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.service.version=v1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("nats.service.version")
				.hasMessageContaining("semantic version");
		});
	}

	@Test
	void disabledByDefault() {
		this.contextRunner.withPropertyValues("nats.service.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(NatsMicroService.class);
			assertThat(context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("quote"))
				.isInstanceOf(CoreNatsListenerContainer.class);
		});
	}

	private Connection client() throws Exception {
		return Nats.connect(new Options.Builder().server(this.server.getUrl()).build());
	}

	private static EndpointStats endpoint(StatsResponse stats, String name) {
		return stats.getEndpointStatsList()
			.stream()
			.filter((endpoint) -> endpoint.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class QuoteListeners {

		final BlockingQueue<String> audited = new LinkedBlockingQueue<>();

		@NatsListener(id = "quote", subjects = "quotes.get")
		String quote(String item) {
			if (item.equals("unknown")) {
				throw new NatsServiceErrorException("quotes.get", 404, "no price for unknown");
			}
			return "price of " + item;
		}

		@NatsListener(id = "audit", subjects = { "audit.eu", "audit.us" }, queue = "auditors")
		void audit(String entry) {
			this.audited.add(entry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrentListener {

		@NatsListener(id = "parallel", subjects = "parallel.work", concurrency = "3")
		void work(String work) {
		}

	}

}
