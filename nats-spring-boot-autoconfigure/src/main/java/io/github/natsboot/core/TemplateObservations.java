package io.github.natsboot.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.github.natsboot.metrics.DefaultNatsTemplateObservationConvention;
import io.github.natsboot.metrics.NatsSenderContext;
import io.github.natsboot.metrics.NatsTemplateObservation;
import io.github.natsboot.metrics.NatsTemplateObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.impl.Headers;

/**
 * Observes what a template sends, when observations are enabled: each message gets its
 * own copy of the headers, into which tracing writes the trace context before it is sent.
 */
final class TemplateObservations {

	private final ObservationRegistry registry;

	private final NatsTemplateObservationConvention convention;

	private final String templateName;

	TemplateObservations(ObservationRegistry registry, NatsTemplateObservationConvention convention,
			String templateName) {
		this.registry = registry;
		this.convention = convention;
		this.templateName = templateName;
	}

	<R> R observe(NatsTemplateOperation operation, OutgoingMessage message, Function<OutgoingMessage, R> send) {
		OutgoingMessage traced = withOwnHeaders(message);
		return observation(operation, traced).observe(() -> send.apply(traced));
	}

	<R> CompletableFuture<R> observeAsync(NatsTemplateOperation operation, OutgoingMessage message,
			Function<OutgoingMessage, CompletableFuture<R>> send) {
		OutgoingMessage traced = withOwnHeaders(message);
		Observation observation = observation(operation, traced).start();
		CompletableFuture<R> result;
		try (Observation.Scope scope = observation.openScope()) {
			result = send.apply(traced);
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return result.whenComplete((value, failure) -> {
			if (failure != null) {
				observation.error(unwrap(failure));
			}
			observation.stop();
		});
	}

	private Observation observation(NatsTemplateOperation operation, OutgoingMessage message) {
		return NatsTemplateObservation.TEMPLATE_OBSERVATION.observation(this.convention,
				DefaultNatsTemplateObservationConvention.INSTANCE,
				() -> new NatsSenderContext(message.headers(), operation, message.subject(), this.templateName),
				this.registry);
	}

	private static OutgoingMessage withOwnHeaders(OutgoingMessage message) {
		Headers headers = (message.headers() != null) ? new Headers(message.headers()) : new Headers();
		return new OutgoingMessage(message.subject(), headers, message.data());
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
