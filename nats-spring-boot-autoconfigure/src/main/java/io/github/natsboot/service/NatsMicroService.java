package io.github.natsboot.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.natsboot.core.NatsLifecyclePhases;
import io.nats.client.Connection;
import io.nats.service.Service;
import io.nats.service.ServiceEndpoint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The application as a NATS service (jnats {@link Service}): answers discovery on
 * {@code $SRV.PING}, {@code $SRV.INFO} and {@code $SRV.STATS} with its name, version and
 * endpoints, and counts requests, errors and processing time per endpoint. Endpoints are
 * added by the listener containers that run them. Starts before the listener containers
 * and stops after them.
 */
public class NatsMicroService implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(NatsMicroService.class);

	private final Connection connection;

	private final NatsServiceSettings settings;

	private final List<ServiceEndpoint> pending = new ArrayList<>();

	private final Set<String> endpointNames = new HashSet<>();

	private final Object monitor = new Object();

	private volatile Service service;

	/**
	 * Create the service.
	 * @param connection the connection the service answers on
	 * @param settings name, version and description
	 */
	public NatsMicroService(Connection connection, NatsServiceSettings settings) {
		this.connection = connection;
		this.settings = settings;
	}

	/**
	 * Add endpoints; they receive messages once the service has started (at once when it
	 * already has). Endpoints cannot be removed: the service lists them until it stops.
	 * @param endpoints the endpoints
	 * @throws IllegalStateException if the service has an endpoint of the same name
	 */
	public void addEndpoints(List<ServiceEndpoint> endpoints) {
		synchronized (this.monitor) {
			for (ServiceEndpoint endpoint : endpoints) {
				if (this.endpointNames.contains(endpoint.getName())) {
					throw new IllegalStateException("NATS service '" + this.settings.name()
							+ "' already has an endpoint named '" + endpoint.getName()
							+ "': give one of the listeners another id");
				}
			}
			endpoints.forEach((endpoint) -> this.endpointNames.add(endpoint.getName()));
			if (this.service != null) {
				this.service.addServiceEndpoints(endpoints);
			}
			else {
				this.pending.addAll(endpoints);
			}
		}
	}

	/**
	 * The running jnats service.
	 * @return the service, or {@code null} when not running
	 */
	public Service getService() {
		return this.service;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.service != null) {
				return;
			}
			Service service = Service.builder()
				.connection(this.connection)
				.name(this.settings.name())
				.version(this.settings.version())
				.description(this.settings.description())
				.metadata(this.settings.metadata().isEmpty() ? null : this.settings.metadata())
				.drainTimeout(this.settings.drainTimeout())
				.build();
			if (!this.pending.isEmpty()) {
				service.addServiceEndpoints(this.pending);
				this.pending.clear();
			}
			service.startService();
			this.service = service;
			logger.info("Started NATS service " + this.settings.name() + " " + this.settings.version() + " (id "
					+ service.getId() + ")");
		}
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			Service service = this.service;
			if (service == null) {
				return;
			}
			this.service = null;
			service.stop(true);
		}
	}

	@Override
	public boolean isRunning() {
		return this.service != null;
	}

	@Override
	public int getPhase() {
		return NatsLifecyclePhases.LISTENERS - 1;
	}

	/**
	 * How the service presents itself.
	 *
	 * @param name the service name
	 * @param version the semantic version
	 * @param description the description, or {@code null}
	 * @param metadata metadata listed by {@code $SRV.INFO}
	 * @param drainTimeout how long stopping waits for endpoints to finish their messages
	 */
	public record NatsServiceSettings(String name, String version, String description, Map<String, String> metadata,
			Duration drainTimeout) {

		/**
		 * Create settings.
		 * @param name the service name
		 * @param version the semantic version
		 * @param description the description, or {@code null}
		 * @param metadata metadata listed by {@code $SRV.INFO}
		 * @param drainTimeout how long stopping waits for endpoints to finish
		 */
		public NatsServiceSettings {
			Assert.hasText(name, "A service name is required");
			Assert.hasText(version, "A service version is required");
			metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		}

	}

}
