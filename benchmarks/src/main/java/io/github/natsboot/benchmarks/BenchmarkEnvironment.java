package io.github.natsboot.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every scenario shares: the server URL, the one Jackson {@link JsonMapper} both
 * variants convert with, the payload, and helpers to connect raw jnats and to start a
 * Spring Boot application on the starter.
 */
public final class BenchmarkEnvironment {

	/**
	 * How long a round may take before it is reported as failed.
	 */
	public static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);

	private final String serverUrl;

	private final BenchmarkOptions options;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Order order = Order.sample();

	private final byte[] orderJson;

	BenchmarkEnvironment(String serverUrl, BenchmarkOptions options) {
		this.serverUrl = serverUrl;
		this.options = options;
		this.orderJson = this.mapper.writeValueAsBytes(this.order);
	}

	/**
	 * The URL of the server the benchmarks run against.
	 * @return the URL
	 */
	public String serverUrl() {
		return this.serverUrl;
	}

	/**
	 * The run's options.
	 * @return the options
	 */
	public BenchmarkOptions options() {
		return this.options;
	}

	/**
	 * The mapper both variants use: the starter's contexts get it as their
	 * {@code JsonMapper} bean, raw variants call it directly.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * The order every scenario sends.
	 * @return the order
	 */
	public Order order() {
		return this.order;
	}

	/**
	 * The order as the JSON the starter writes, for publishers that send pre-encoded
	 * messages to listeners.
	 * @return the JSON bytes (do not modify)
	 */
	public byte[] orderJson() {
		return this.orderJson;
	}

	/**
	 * New headers with the content type the starter adds to JSON payloads, so that raw
	 * variants put the same bytes on the wire.
	 * @return the headers
	 */
	public static Headers jsonHeaders() {
		return new Headers().put(NatsHeaders.CONTENT_TYPE, DefaultNatsMessageConverter.APPLICATION_JSON);
	}

	/**
	 * Connect raw jnats to the server with default options.
	 * @param name the connection name
	 * @return the connection
	 * @throws IOException if the connection fails
	 * @throws InterruptedException if interrupted
	 */
	public Connection connect(String name) throws IOException, InterruptedException {
		return Nats.connect(Options.builder().server(this.serverUrl).connectionName(name).build());
	}

	/**
	 * Start a Spring Boot application (no web server) on the starter, connected to the
	 * benchmark server, with the shared mapper as its {@code JsonMapper} bean, without
	 * meters and without a tracer unless the properties say otherwise (see
	 * {@link Tracing}), and with a {@link SpanCounter} as its span exporter.
	 * @param configuration the application's configuration class
	 * @param singletons further beans, by name
	 * @param properties further properties, {@code name=value}, which override the
	 * defaults
	 * @return the running context
	 */
	public ConfigurableApplicationContext startApplication(Class<?> configuration, Map<String, Object> singletons,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("nats.servers=" + this.serverUrl, "spring.application.name=bench",
				"logging.level.root=warn", "spring.jmx.enabled=false", "nats.metrics.enabled=false",
				Tracing.WITHOUT_TRACER));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("jsonMapper", this.mapper);
				context.getBeanFactory().registerSingleton("spanCounter", new SpanCounter());
				singletons.forEach(context.getBeanFactory()::registerSingleton);
			})
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * Create (or recreate, empty) a memory stream with one durable consumer that
	 * acknowledges explicitly and otherwise keeps the server's defaults.
	 * @param connection a connection to create it with
	 * @param stream the stream name
	 * @param subject the stream's subject
	 * @param durable the consumer name, or {@code null} for none
	 * @throws IOException if the server cannot be reached
	 * @throws JetStreamApiException if the server refuses
	 */
	public static void createStream(Connection connection, String stream, String subject, String durable)
			throws IOException, JetStreamApiException {
		JetStreamManagement management = connection.jetStreamManagement();
		try {
			management.deleteStream(stream);
		}
		catch (JetStreamApiException ex) {
			// not there yet
		}
		management.addStream(StreamConfiguration.builder()
			.name(stream)
			.subjects(subject)
			.storageType(StorageType.Memory)
			.build());
		if (durable != null) {
			management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
				.durable(durable)
				.ackPolicy(AckPolicy.Explicit)
				.deliverPolicy(DeliverPolicy.All)
				.build());
		}
	}

}
