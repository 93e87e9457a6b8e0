package io.github.natsboot.listener;

import java.util.List;

/**
 * A {@link NatsListenerEndpoint} for a {@link NatsListener} method, with its attributes
 * already resolved.
 *
 * @param id the listener id
 * @param subjects the subjects
 * @param queue the queue group or {@code null}
 * @param concurrency the number of consumers
 * @param autoStartup whether to start with the context
 * @param adapter the adapter invoking the method
 * @param jetStream the JetStream binding, or {@code null} for a core NATS listener
 * @param connection the name of the connection under {@code nats.connections}, or
 * {@code null} for the default connection
 */
public record MethodNatsListenerEndpoint(String id, List<String> subjects, String queue, int concurrency,
		boolean autoStartup, NatsListenerAdapter adapter, JetStreamBinding jetStream,
		String connection) implements NatsListenerEndpoint {

	/**
	 * Create an endpoint on the default connection.
	 * @param id the listener id
	 * @param subjects the subjects
	 * @param queue the queue group or {@code null}
	 * @param concurrency the number of consumers
	 * @param autoStartup whether to start with the context
	 * @param adapter the adapter invoking the method
	 * @param jetStream the JetStream binding, or {@code null} for a core NATS listener
	 */
	public MethodNatsListenerEndpoint(String id, List<String> subjects, String queue, int concurrency,
			boolean autoStartup, NatsListenerAdapter adapter, JetStreamBinding jetStream) {
		this(id, subjects, queue, concurrency, autoStartup, adapter, jetStream, null);
	}

	@Override
	public String getConnection() {
		return this.connection;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public List<String> getSubjects() {
		return this.subjects;
	}

	@Override
	public String getQueue() {
		return this.queue;
	}

	@Override
	public int getConcurrency() {
		return this.concurrency;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public NatsListenerAdapter getAdapter() {
		return this.adapter;
	}

	@Override
	public JetStreamBinding getJetStream() {
		return this.jetStream;
	}

}
