package io.github.natsboot.jetstream;

import java.time.Duration;

/**
 * What a {@link JetStreamReader#replay replay} delivered.
 *
 * @param stream the replayed stream
 * @param count the number of messages handed to the callback
 * @param firstSequence the stream sequence of the first of them, {@code 0} when there
 * was none
 * @param lastSequence the stream sequence of the last of them, {@code 0} when there was
 * none
 * @param endSequence the last sequence of the stream when the replay started: messages
 * stored after it are not replayed; {@code 0} when the stream was empty
 * @param duration how long the replay took
 * @param completed {@code true} when every message up to the end sequence was
 * delivered, {@code false} when the replay timed out first
 */
public record ReplayResult(String stream, long count, long firstSequence, long lastSequence, long endSequence,
		Duration duration, boolean completed) {

}
