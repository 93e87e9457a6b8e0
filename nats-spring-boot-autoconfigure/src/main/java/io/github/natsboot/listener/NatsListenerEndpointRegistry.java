package io.github.natsboot.listener;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.natsboot.core.NatsLifecyclePhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Owns the listener containers: creates them from endpoints, starts them once the
 * application context is ready (a late lifecycle phase), and stops them first on
 * shutdown, draining their subscriptions while the connection is still open. Containers
 * can also be started, stopped, paused and resumed by id.
 */
public class NatsListenerEndpointRegistry implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(NatsListenerEndpointRegistry.class);

	private final Map<String, NatsListenerContainer> containers = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, NatsListenerEndpoint> endpoints = new ConcurrentHashMap<>();

	private volatile boolean running;

	/**
	 * Create the container of an endpoint with the given factory and register it; it is
	 * started at once when the registry is already running and the endpoint starts
	 * automatically.
	 * @param endpoint the endpoint
	 * @param factory the factory that creates its container
	 * @return the container
	 * @throws IllegalStateException if a container with the same id exists
	 */
	public NatsListenerContainer registerListenerContainer(NatsListenerEndpoint endpoint,
			NatsListenerContainerFactory factory) {
		synchronized (this.containers) {
			if (this.containers.containsKey(endpoint.getId())) {
				throw new IllegalStateException("Another listener already has the id '" + endpoint.getId() + "'");
			}
			NatsListenerContainer container = factory.createContainer(endpoint);
			this.containers.put(endpoint.getId(), container);
			this.endpoints.put(endpoint.getId(), endpoint);
			if (this.running && container.isAutoStartup()) {
				container.start();
			}
			return container;
		}
	}

	/**
	 * Remove the container of a listener that is gone, such as the binding of a
	 * Spring Cloud Stream binder after it is unbound. The container is not stopped.
	 * @param id the listener id
	 * @return the container, or {@code null} if none had the id
	 */
	public NatsListenerContainer unregisterListenerContainer(String id) {
		synchronized (this.containers) {
			this.endpoints.remove(id);
			return this.containers.remove(id);
		}
	}

	/**
	 * Return the container of the listener with the given id.
	 * @param id the listener id
	 * @return the container, or {@code null}
	 */
	public NatsListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * Return the endpoint of the listener with the given id: its subjects, queue group and
	 * JetStream binding.
	 * @param id the listener id
	 * @return the endpoint, or {@code null}
	 */
	public NatsListenerEndpoint getListenerEndpoint(String id) {
		return this.endpoints.get(id);
	}

	/**
	 * Return the ids of all listeners.
	 * @return the ids
	 */
	public Set<String> getListenerContainerIds() {
		synchronized (this.containers) {
			return Set.copyOf(this.containers.keySet());
		}
	}

	/**
	 * Return all containers.
	 * @return the containers
	 */
	public Collection<NatsListenerContainer> getListenerContainers() {
		synchronized (this.containers) {
			return List.copyOf(this.containers.values());
		}
	}

	@Override
	public void start() {
		for (NatsListenerContainer container : getListenerContainers()) {
			if (container.isAutoStartup()) {
				container.start();
				logger.debug("Started " + container);
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		ExecutorService executor = Executors.newCachedThreadPool();
		try {
			CompletableFuture<?>[] stops = getListenerContainers().stream()
				.map((container) -> CompletableFuture.runAsync(container::stop, executor))
				.toArray(CompletableFuture[]::new);
			CompletableFuture.allOf(stops).join();
		}
		catch (RuntimeException ex) {
			logger.warn("A listener container failed to stop cleanly", ex);
		}
		finally {
			executor.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return NatsLifecyclePhases.LISTENERS;
	}

}
