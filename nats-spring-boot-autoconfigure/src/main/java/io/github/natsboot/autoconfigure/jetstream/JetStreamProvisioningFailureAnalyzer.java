package io.github.natsboot.autoconfigure.jetstream;

import java.util.stream.Collectors;

import io.github.natsboot.jetstream.JetStreamProvisioningException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link JetStreamProvisioningException} at startup: every offending setting
 * by its property name (or bean), what is wrong with it, and what to change.
 */
class JetStreamProvisioningFailureAnalyzer extends AbstractFailureAnalyzer<JetStreamProvisioningException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JetStreamProvisioningException cause) {
		String problems = cause.getProblems()
			.stream()
			.map((problem) -> "    - " + problem)
			.collect(Collectors.joining(System.lineSeparator()));
		String description = cause.getReason().getSummary() + ":" + System.lineSeparator() + problems;
		return new FailureAnalysis(description, action(cause.getReason()), cause);
	}

	private String action(JetStreamProvisioningException.Reason reason) {
		return switch (reason) {
			case INVALID_DEFINITION -> "Fix the settings listed above under nats.jetstream (or in the "
					+ "StreamDefinition, ConsumerDefinition, KeyValueDefinition and ObjectStoreDefinition beans named).";
			case DRIFT -> "nats.jetstream.provisioning.mode is validate, so nothing was changed. Update the "
					+ "definitions to match the server, change the server (for example with the nats CLI), or set "
					+ "nats.jetstream.provisioning.mode=create-or-update to let the application create and update "
					+ "them.";
			case IMMUTABLE_CHANGE -> "Nothing was changed. Restore the server's value in the definition, or delete "
					+ "the stream, consumer or bucket (losing its messages and state) so that it is created again "
					+ "with the new settings.";
			case REJECTED -> "Change the settings listed above so that the server accepts them: check the "
					+ "server's version and topology (replicas need a JetStream cluster) and the existing streams.";
			case UNAVAILABLE -> "Make sure the application connects to a NATS server with JetStream enabled "
					+ "(nats-server -js, or a jetstream block in its configuration), or set "
					+ "nats.jetstream.provisioning.mode=none to start without provisioning.";
		};
	}

}
