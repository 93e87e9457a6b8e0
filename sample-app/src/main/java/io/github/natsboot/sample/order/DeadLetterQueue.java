package io.github.natsboot.sample.order;

import java.time.Duration;
import java.util.List;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.jetstream.JetStreamReader;
import io.github.natsboot.jetstream.ReplayRequest;
import io.github.natsboot.jetstream.ReplayedMessage;
import io.github.natsboot.sample.WebRole;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;

import org.springframework.stereotype.Component;

/**
 * Lists the orders the workers gave up on, read from the
 * {@value Orders#DEAD_LETTER_STREAM} stream with the {@link JetStreamReader} (web role).
 * Payloads are returned as they were published, so that an order that could not even be
 * read is listed too.
 */
@Component
@WebRole
public class DeadLetterQueue {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private final JetStreamReader reader;

	private final StreamStates streamStates;

	DeadLetterQueue(JetStreamReader reader, StreamStates streamStates) {
		this.reader = reader;
		this.streamStates = streamStates;
	}

	/**
	 * Return the latest dead letters, oldest first.
	 * @param limit the most to return
	 * @return the dead letters
	 */
	public List<DeadLetter> latest(int limit) {
		StreamState state = this.streamStates.get(Orders.DEAD_LETTER_STREAM);
		if (state.getMsgCount() == 0) {
			return List.of();
		}
		long start = Math.max(state.getFirstSequence(), state.getLastSequence() - limit + 1);
		ReplayRequest request = ReplayRequest.builder(Orders.DEAD_LETTER_STREAM)
			.startSequence(start)
			.timeout(READ_TIMEOUT)
			.build();
		return this.reader.read(request, String.class, limit).stream().map(DeadLetterQueue::deadLetter).toList();
	}

	private static DeadLetter deadLetter(ReplayedMessage<String> message) {
		Headers headers = message.headers();
		String deliveries = headers.getFirst(NatsHeaders.DLQ_DELIVERY_COUNT);
		return new DeadLetter(message.sequence(), message.timestamp(), headers.getFirst(NatsHeaders.DLQ_SUBJECT),
				headers.getFirst(NatsHeaders.DLQ_REASON), headers.getFirst(NatsHeaders.DLQ_EXCEPTION),
				(deliveries != null) ? Long.valueOf(deliveries) : null, message.value());
	}

}
