package io.github.natsboot.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.nats.client.impl.Headers;

/**
 * A copy of a message's headers with one more header, read-only and serialized once
 * built.
 * <p>
 * jnats freezes the headers of every message it sends: headers that are not read-only
 * are copied into a read-only {@link Headers} first. A template that adds its
 * {@value NatsHeaders#CONTENT_TYPE} to a caller's headers must copy them too, so the
 * message would be copied twice; these headers report themselves read-only after
 * construction, so jnats sends them as they are and the copy happens once, as it does
 * when a caller of raw jnats passes headers of its own.
 * <p>
 * jnats's connection writer thread serializes each message's headers into its buffer,
 * walking their maps when the publishing thread has long moved on; these headers are
 * serialized once, on the thread that builds them, and the writer copies the bytes.
 * <p>
 * {@link Headers} checks its own private read-only flag in its mutators, so every
 * mutator is overridden here to refuse changes once the headers are built.
 */
final class FrozenHeaders extends Headers {

	private final byte[] serialized;

	private final boolean frozen;

	/**
	 * Copy the given headers and set one more header.
	 * @param headers the headers to copy, not modified; may be {@code null}
	 * @param key the header to set, replacing any values it had
	 * @param value its value
	 */
	FrozenHeaders(Headers headers, String key, String value) {
		super(headers, false, null);
		super.put(key, value);
		byte[] serialized = new byte[serializedLength()];
		super.serializeToArray(0, serialized);
		this.serialized = serialized;
		this.frozen = true;
	}

	@Override
	public boolean isReadOnly() {
		return this.frozen;
	}

	@Override
	public byte[] getSerialized() {
		return this.serialized;
	}

	@Override
	public int serializeToArray(int destPosition, byte[] dest) {
		System.arraycopy(this.serialized, 0, dest, destPosition, this.serialized.length);
		return this.serialized.length;
	}

	@Override
	public Headers add(String key, String... values) {
		throw readOnly();
	}

	@Override
	public Headers add(String key, Collection<String> values) {
		throw readOnly();
	}

	@Override
	public Headers put(String key, String... values) {
		throw readOnly();
	}

	@Override
	public Headers put(String key, Collection<String> values) {
		throw readOnly();
	}

	@Override
	public Headers put(Map<String, List<String>> map) {
		throw readOnly();
	}

	@Override
	public void remove(String... keys) {
		throw readOnly();
	}

	@Override
	public void remove(Collection<String> keys) {
		throw readOnly();
	}

	@Override
	public void clear() {
		throw readOnly();
	}

	private static UnsupportedOperationException readOnly() {
		return new UnsupportedOperationException("The headers of a message being sent are read-only");
	}

}
