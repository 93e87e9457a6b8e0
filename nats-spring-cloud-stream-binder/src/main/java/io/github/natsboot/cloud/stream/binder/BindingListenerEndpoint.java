package io.github.natsboot.cloud.stream.binder;

import java.util.List;

import io.github.natsboot.listener.JetStreamBinding;
import io.github.natsboot.listener.NatsListenerAdapter;
import io.github.natsboot.listener.NatsListenerEndpoint;

/**
 * The listener endpoint of a consumer binding: what the starter's core or JetStream
 * listener container runs for it.
 *
 * @param getId the listener id, the binding's name
 * @param getSubjects the subjects
 * @param getQueue the queue group of a core binding, {@code null} for none
 * @param getConcurrency the number of consumers
 * @param getAdapter the adapter that hands each message to the binding
 * @param getConnection the connection's name, {@code null} for the default one
 * @param getJetStream the JetStream binding, {@code null} for core NATS
 */
record BindingListenerEndpoint(String getId, List<String> getSubjects, String getQueue, int getConcurrency,
		NatsListenerAdapter getAdapter, String getConnection, JetStreamBinding getJetStream)
		implements NatsListenerEndpoint {

	@Override
	public boolean isAutoStartup() {
		return false;
	}

}
