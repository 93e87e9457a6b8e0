package io.github.natsboot.cloud.stream.binder;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a binding whose destination, stream or consumer the {@code nats} binder could
 * not provision, in terms of the properties that fix it.
 */
class NatsBinderProvisioningFailureAnalyzer extends AbstractFailureAnalyzer<NatsProvisioningException> {

	static final String ACTION = "Make the binding's destination (spring.cloud.stream.bindings.<binding>.destination) "
			+ "a valid NATS subject, bind it to the stream that captures it "
			+ "(spring.cloud.stream.nats.bindings.<binding>.consumer.stream or .producer.stream), declare that stream "
			+ "with the destination among its subjects (nats.jetstream.streams.<name>.subjects, or "
			+ "nats.connections.<connection>.jetstream.streams.<name>.subjects when "
			+ "spring.cloud.stream.nats.binder.connection names a connection), or let the binder create a missing "
			+ "stream (spring.cloud.stream.nats.binder.auto-create-streams=true).";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsProvisioningException cause) {
		return new FailureAnalysis(cause.getMessage(), ACTION, cause);
	}

}
