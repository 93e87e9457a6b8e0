package io.github.natsboot.jetstream;

import java.time.Instant;

import io.nats.client.impl.Headers;

/**
 * One message of a stream, as delivered by a {@link JetStreamReader} replay.
 *
 * @param <T> the value type
 * @param subject the subject the message was published to
 * @param value the payload converted to the requested type, {@code null} for an empty
 * payload read as an object
 * @param headers the message headers, empty when it has none
 * @param sequence the stream sequence of the message
 * @param timestamp when the message was stored, by the server's clock
 */
public record ReplayedMessage<T>(String subject, T value, Headers headers, long sequence, Instant timestamp) {

}
