package io.github.natsboot.autoconfigure.listener;

import io.github.natsboot.listener.NatsListenerBindingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a JetStream {@code @NatsListener} that could not be bound to its stream or
 * consumer.
 */
class NatsListenerBindingFailureAnalyzer extends AbstractFailureAnalyzer<NatsListenerBindingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsListenerBindingException cause) {
		String action = "Declare stream '" + cause.getStream() + "'"
				+ ((cause.getConsumer() != null) ? " and its consumer '" + cause.getConsumer() + "'" : "")
				+ " under nats.jetstream.streams (provisioned before listeners start), or fix the stream and "
				+ "consumer attributes of @NatsListener '" + cause.getListenerId() + "'.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
