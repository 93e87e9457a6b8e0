package io.github.natsboot.core;

import io.nats.client.impl.Headers;

/**
 * Copies a caller's headers with one more header for a message, and keeps the copy made
 * for headers that callers pass again and again unchanged, such as a constant set of
 * headers published with every message.
 * <p>
 * Headers become a candidate when the same object is passed twice in a row. Their copy is
 * then built once, {@linkplain FrozenHeaders#sharedCopyWith serialized once}, and given
 * to every later message for as long as the caller's headers are unchanged. jnats's
 * {@link Headers} forget their cached {@linkplain Headers#getSerialized() serialized
 * bytes} in every mutator, so headers are unchanged while they are not
 * {@linkplain Headers#isDirty() dirty} and still hold the bytes they held when the copy
 * was made. Headers that change after their copy was kept (one object filled again for
 * each message) are copied for every message from then on, as headers seen only once
 * are, so they never pay for a serialization on the publishing thread.
 * <p>
 * Safe for concurrent use: the kept copy is immutable, and a race between threads passing
 * different headers at worst makes a copy that could have been reused.
 */
final class RepeatedHeaders {

	private Headers lastSeen;

	private Headers changing;

	private Kept kept;

	/**
	 * Return the given headers with one more header, as read-only headers.
	 * @param headers the caller's headers, not modified
	 * @param key the header to set, replacing any values it had
	 * @param value its value
	 * @return read-only headers holding both, that jnats sends without copying them
	 */
	Headers copyWith(Headers headers, String key, String value) {
		Kept kept = this.kept;
		if (kept != null && kept.source == headers) {
			if (kept.isCopyOf(key, value)) {
				return kept.copy;
			}
			this.kept = null;
			this.changing = headers;
		}
		else if (headers == this.lastSeen && headers != this.changing) {
			Kept copy = new Kept(headers, key, value);
			this.kept = copy;
			return copy.copy;
		}
		this.lastSeen = headers;
		return FrozenHeaders.copyWith(headers, key, value);
	}

	/**
	 * A copy kept for headers passed repeatedly, with what tells whether they changed.
	 */
	private static final class Kept {

		private final Headers source;

		private final byte[] sourceBytes;

		private final String key;

		private final String value;

		private final FrozenHeaders copy;

		Kept(Headers source, String key, String value) {
			this.source = source;
			this.sourceBytes = source.getSerialized();
			this.key = key;
			this.value = value;
			this.copy = FrozenHeaders.sharedCopyWith(source, key, value);
		}

		boolean isCopyOf(String key, String value) {
			return !this.source.isDirty() && this.source.getSerialized() == this.sourceBytes && this.key.equals(key)
					&& this.value.equals(value);
		}

	}

}
