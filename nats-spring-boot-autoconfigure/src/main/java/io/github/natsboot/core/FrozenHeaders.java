package io.github.natsboot.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.nats.client.impl.Headers;

/**
 * A copy of a message's headers with one more header, read-only once built.
 * <p>
 * jnats freezes the headers of every message it sends: headers that are not read-only
 * are copied into a read-only {@link Headers} first. A template that adds its
 * {@value NatsHeaders#CONTENT_TYPE} to a caller's headers must copy them too, so the
 * message would be copied twice; these headers report themselves read-only after
 * construction, so jnats sends them as they are and the copy happens once, as it does
 * when a caller of raw jnats passes headers of its own.
 * <p>
 * jnats's connection writer thread serializes each message's headers into its buffer by
 * walking their maps. Headers {@linkplain #shared shared} by many messages are serialized
 * once, when built, and the writer copies their bytes; a message's own copy is left to
 * the writer, off the publishing thread.
 * <p>
 * {@link Headers} checks its own private read-only flag in its mutators, so every
 * mutator is overridden here to refuse changes once the headers are built.
 */
final class FrozenHeaders extends Headers {

	private final byte[] serialized;

	private final boolean frozen;

	private FrozenHeaders(Headers headers, String key, String value, boolean serialize) {
		super(headers, false, null);
		super.put(key, value);
		if (serialize) {
			byte[] serialized = new byte[serializedLength()];
			super.serializeToArray(0, serialized);
			this.serialized = serialized;
		}
		else {
			this.serialized = null;
		}
		this.frozen = true;
	}

	/**
	 * Copy the given headers and set one more header, for one message: jnats serializes
	 * them on the connection's writer thread, as it does any headers.
	 * @param headers the headers to copy, not modified
	 * @param key the header to set, replacing any values it had
	 * @param value its value
	 * @return the frozen copy
	 */
	static FrozenHeaders copyWith(Headers headers, String key, String value) {
		return new FrozenHeaders(headers, key, value, false);
	}

	/**
	 * Headers holding one header, shared by many messages: serialized once, here, so that
	 * the writer threads that send them copy their bytes instead of walking the maps.
	 * @param key the header
	 * @param value its value
	 * @return the frozen headers
	 */
	static FrozenHeaders shared(String key, String value) {
		return new FrozenHeaders(null, key, value, true);
	}

	/**
	 * Copy the given headers and set one more header, for many messages: serialized once,
	 * here, as {@link #shared(String, String)} headers are.
	 * @param headers the headers to copy, not modified
	 * @param key the header to set, replacing any values it had
	 * @param value its value
	 * @return the frozen copy
	 */
	static FrozenHeaders sharedCopyWith(Headers headers, String key, String value) {
		return new FrozenHeaders(headers, key, value, true);
	}

	@Override
	public boolean isReadOnly() {
		return this.frozen;
	}

	@Override
	public byte[] getSerialized() {
		return (this.serialized != null) ? this.serialized : super.getSerialized();
	}

	@Override
	public int serializeToArray(int destPosition, byte[] dest) {
		if (this.serialized == null) {
			return super.serializeToArray(destPosition, dest);
		}
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
