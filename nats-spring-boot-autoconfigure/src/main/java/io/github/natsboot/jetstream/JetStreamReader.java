package io.github.natsboot.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadReader;

import org.springframework.util.Assert;

/**
 * Replays the messages of a JetStream stream, for example to rebuild a read model: every
 * message from a start (the beginning, a sequence or a time) up to the stream's last
 * message as of the call, optionally only those matching a filter subject, converted
 * with a {@link NatsMessageConverter} and handed over in stream order.
 *
 * <p>Each replay reads through its own ordered ephemeral consumer, which recreates itself
 * when it misses a message and is deleted when the replay ends, so that nothing is left
 * on the server. Callbacks run on the calling thread. Thread safe.
 *
 * <pre class="code">
 * ReplayResult result = reader.replay(ReplayRequest.builder("orders").build(), Order.class,
 *         (message) -&gt; view.apply(message.value()));
 * </pre>
 */
public class JetStreamReader {

	private static final Log logger = LogFactory.getLog(JetStreamReader.class);

	private final Connection connection;

	private final NatsMessageConverter converter;

	/**
	 * Create a reader.
	 * @param connection the connection
	 * @param converter converts payloads to the requested types, as for the
	 * {@link io.github.natsboot.core.NatsTemplate}
	 */
	public JetStreamReader(Connection connection, NatsMessageConverter converter) {
		Assert.notNull(connection, "Connection must not be null");
		Assert.notNull(converter, "Converter must not be null");
		this.connection = connection;
		this.converter = converter;
	}

	/**
	 * Replay a stream: hand every message from the request's start up to the stream's
	 * last sequence as of this call to the callback, in stream order, and return when
	 * the last one has been handled or the request's timeout has passed. Messages stored
	 * meanwhile are not waited for. Returns at once when there is nothing to replay.
	 * @param <T> the value type
	 * @param request what to replay
	 * @param type the type to convert payloads to
	 * @param callback called with each message on the calling thread
	 * @return what was replayed, and whether everything was before the timeout
	 * @throws ReplayStreamNotFoundException if the stream does not exist
	 * @throws ReplayMessageException if a payload cannot be converted or the callback
	 * throws: the replay stops at that message
	 * @throws ReplayException if the server rejects the replay
	 */
	public <T> ReplayResult replay(ReplayRequest request, Class<T> type, Consumer<ReplayedMessage<T>> callback) {
		Assert.notNull(callback, "Callback must not be null");
		return run(request, type, Long.MAX_VALUE, callback);
	}

	/**
	 * Read at most a number of messages of a stream, from the request's start, in stream
	 * order. Reads fewer when the stream's last message as of this call comes first, or
	 * when the request's timeout passes.
	 * @param <T> the value type
	 * @param request what to read
	 * @param type the type to convert payloads to
	 * @param maxMessages the most messages to read, at least {@code 1}
	 * @return the messages, possibly none
	 * @throws ReplayStreamNotFoundException if the stream does not exist
	 * @throws ReplayMessageException if a payload cannot be converted
	 * @throws ReplayException if the server rejects the replay
	 */
	public <T> List<ReplayedMessage<T>> read(ReplayRequest request, Class<T> type, int maxMessages) {
		Assert.isTrue(maxMessages >= 1, () -> "Max messages must be at least 1, was " + maxMessages);
		List<ReplayedMessage<T>> messages = new ArrayList<>(Math.min(maxMessages, 1024));
		run(request, type, maxMessages, messages::add);
		return messages;
	}

	private <T> ReplayResult run(ReplayRequest request, Class<T> type, long maxMessages,
			Consumer<ReplayedMessage<T>> callback) {
		Assert.notNull(request, "Request must not be null");
		Assert.notNull(type, "Type must not be null");
		PayloadReader reader = this.converter.readerFor(type);
		long started = System.nanoTime();
		long count = 0;
		long first = 0;
		long last = 0;
		try (ReplaySession session = ReplaySession.open(this.connection, request, maxMessages)) {
			Message message;
			while (count < maxMessages && (message = next(session, request, last)) != null) {
				ReplayedMessage<T> replayed = convert(request, message, type, reader);
				handle(request, replayed, callback);
				if (count++ == 0) {
					first = replayed.sequence();
				}
				last = replayed.sequence();
			}
			ReplayResult result = new ReplayResult(request.getStream(), count, first, last, session.getEndSequence(),
					Duration.ofNanos(System.nanoTime() - started), !session.isTimedOut());
			log(request, result);
			return result;
		}
	}

	private Message next(ReplaySession session, ReplayRequest request, long last) {
		try {
			return session.next();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ReplayException(request.getStream(), "Interrupted while replaying stream '"
					+ request.getStream() + "'" + ((last != 0) ? " after sequence " + last : ""), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private <T> ReplayedMessage<T> convert(ReplayRequest request, Message message, Class<T> type,
			PayloadReader reader) {
		Headers headers = (message.getHeaders() != null) ? message.getHeaders() : new Headers(null, true);
		long sequence = message.metaData().streamSequence();
		try {
			T value = (T) reader.read(message.getData(), headers);
			return new ReplayedMessage<>(message.getSubject(), value, headers, sequence,
					message.metaData().timestamp().toInstant());
		}
		catch (RuntimeException ex) {
			throw new ReplayMessageException(request.getStream(), sequence, message.getSubject(),
					"its payload could not be read as " + type.getName(), ex);
		}
	}

	private <T> void handle(ReplayRequest request, ReplayedMessage<T> message, Consumer<ReplayedMessage<T>> callback) {
		try {
			callback.accept(message);
		}
		catch (RuntimeException ex) {
			throw new ReplayMessageException(request.getStream(), message.sequence(), message.subject(),
					"the callback failed", ex);
		}
	}

	private void log(ReplayRequest request, ReplayResult result) {
		if (!result.completed()) {
			logger.warn("Replay of stream '" + request.getStream() + "' timed out after " + request.getTimeout()
					+ " at sequence " + result.lastSequence() + " of " + result.endSequence() + " (" + result.count()
					+ " messages replayed)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Replayed " + result.count() + " messages of stream '" + request.getStream() + "' (sequences "
					+ result.firstSequence() + " to " + result.lastSequence() + ") in "
					+ result.duration().toMillis() + " ms");
		}
	}

}
