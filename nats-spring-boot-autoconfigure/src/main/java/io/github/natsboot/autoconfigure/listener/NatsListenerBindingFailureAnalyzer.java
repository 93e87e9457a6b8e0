package io.github.natsboot.autoconfigure.listener;

import io.github.natsboot.listener.NatsKeyValueListenerBindingException;
import io.github.natsboot.listener.NatsListenerBindingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a JetStream {@code @NatsListener} that could not be bound to its stream or
 * consumer, or a {@code @NatsKeyValueListener} that could not watch its bucket.
 */
class NatsListenerBindingFailureAnalyzer extends AbstractFailureAnalyzer<NatsListenerBindingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsListenerBindingException cause) {
		if (cause instanceof NatsKeyValueListenerBindingException keyValue) {
			return new FailureAnalysis(cause.getMessage(), "Declare bucket '" + keyValue.getBucket() + "' under "
					+ keyValue.getPropertyPrefix() + " (provisioned before listeners start), create it before the "
					+ "application starts, or fix the bucket attribute of @NatsKeyValueListener '"
					+ cause.getListenerId() + "'.", cause);
		}
		String action = "Declare stream '" + cause.getStream() + "'"
				+ ((cause.getConsumer() != null) ? " and its consumer '" + cause.getConsumer() + "'" : "")
				+ " under nats.jetstream.streams (provisioned before listeners start), or fix the stream and "
				+ "consumer attributes of @NatsListener '" + cause.getListenerId() + "'.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
