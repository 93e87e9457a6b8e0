package io.github.natsboot.listener;

import java.util.List;

/**
 * What a listener container needs to know about one listener: where it listens, how
 * many consumers it runs, and the adapter that invokes the listener method.
 */
public interface NatsListenerEndpoint {

	/**
	 * Unique id of the listener.
	 * @return the id
	 */
	String getId();

	/**
	 * Subjects to listen on, wildcards allowed.
	 * @return the subjects
	 */
	List<String> getSubjects();

	/**
	 * The configured subjects as one low-cardinality value for metric tags and
	 * observation keys: the subjects, comma separated, or the stream of a JetStream
	 * listener bound to a consumer only. Never the subject a message arrived on.
	 * @return the subject template
	 */
	default String getSubjectTemplate() {
		if (!getSubjects().isEmpty()) {
			return String.join(",", getSubjects());
		}
		return (getJetStream() != null) ? getJetStream().stream() : "";
	}

	/**
	 * Queue group, or {@code null} for none.
	 * @return the queue group
	 */
	String getQueue();

	/**
	 * Number of parallel consumers.
	 * @return the concurrency, at least 1
	 */
	int getConcurrency();

	/**
	 * Whether the container starts with the application context.
	 * @return whether to start automatically
	 */
	boolean isAutoStartup();

	/**
	 * The adapter that invokes the listener for a message.
	 * @return the adapter
	 */
	NatsListenerAdapter getAdapter();

	/**
	 * The connection the listener receives on, and replies and acknowledges on.
	 * @return the name of a connection under {@code nats.connections}, or {@code null}
	 * for the default connection
	 */
	default String getConnection() {
		return null;
	}

	/**
	 * The JetStream binding of the listener.
	 * @return the binding, or {@code null} for a core NATS listener
	 */
	JetStreamBinding getJetStream();

}
