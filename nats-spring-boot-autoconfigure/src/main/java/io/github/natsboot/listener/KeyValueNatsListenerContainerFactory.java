package io.github.natsboot.listener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.nats.client.Connection;

import org.springframework.beans.factory.DisposableBean;

/**
 * Creates {@link KeyValueNatsListenerContainer}s for {@link NatsKeyValueListener}
 * methods ({@link KeyValueListenerEndpoint}s), and runs the watchdog that restarts their
 * watches after a reconnect.
 */
public class KeyValueNatsListenerContainerFactory implements NatsListenerContainerFactory, DisposableBean {

	private final Connection connection;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "nats-kv-listener-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private Duration stopTimeout = Duration.ofSeconds(30);

	private NatsListenerInstrumentation instrumentation = NatsListenerInstrumentation.NONE;

	private String connectionName;

	/**
	 * Create a factory.
	 * @param connection the connection listeners watch on
	 */
	public KeyValueNatsListenerContainerFactory(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Set how long stopping or pausing a container waits for the change being handled.
	 * @param stopTimeout the timeout
	 */
	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Set the name of the connection this factory's containers run on, so that it runs
	 * the listeners bound to that connection only.
	 * @param connectionName the name of a connection under {@code nats.connections}, or
	 * {@code null} for the default connection
	 */
	public void setConnectionName(String connectionName) {
		this.connectionName = connectionName;
	}

	/**
	 * Set what containers record about the changes they handle.
	 * @param instrumentation the metrics and observations
	 */
	public void setInstrumentation(NatsListenerInstrumentation instrumentation) {
		this.instrumentation = (instrumentation != null) ? instrumentation : NatsListenerInstrumentation.NONE;
	}

	/**
	 * Return whether the endpoint is a key-value listener on this factory's connection.
	 */
	@Override
	public boolean supports(NatsListenerEndpoint endpoint) {
		return endpoint instanceof KeyValueListenerEndpoint
				&& NatsListenerContainerFactory.isOnConnection(endpoint, this.connectionName);
	}

	@Override
	public NatsListenerContainer createContainer(NatsListenerEndpoint endpoint) {
		if (!(endpoint instanceof KeyValueListenerEndpoint keyValueEndpoint)) {
			throw new IllegalArgumentException("Not a key-value listener: " + endpoint.getId());
		}
		return new KeyValueNatsListenerContainer(keyValueEndpoint, this.connection,
				this.instrumentation.invokerFor(endpoint), this.scheduler, this.stopTimeout);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
