package io.github.natsboot.listener;

import java.time.Instant;

import io.github.natsboot.core.convert.PayloadReader;
import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueHeaders;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * One change of a watched key, as the message a {@link NatsKeyValueListener} method is
 * invoked with: the subject the bucket stores the key under, the value as the payload
 * (empty for a delete or purge), and the change's details under the
 * {@link KeyValueHeaders} names. Also builds the {@link KeyValueChange} a parameter asks
 * for, without reading the headers back.
 */
final class KeyValueChangeMessage extends NatsMessage {

	private static final byte[] NO_VALUE = new byte[0];

	private final String bucket;

	private final String key;

	private final long revision;

	private final KeyValueChange.Operation operation;

	private final Instant created;

	private KeyValueChangeMessage(String subject, Headers headers, byte[] data, String bucket, String key,
			long revision, KeyValueChange.Operation operation, Instant created) {
		super(subject, null, headers, data);
		this.bucket = bucket;
		this.key = key;
		this.revision = revision;
		this.operation = operation;
		this.created = created;
	}

	/**
	 * Create the message of a watched entry.
	 * @param bucket the bucket
	 * @param subjectPrefix {@code $KV.<bucket>.}
	 * @param entry the entry
	 * @return the message
	 */
	static KeyValueChangeMessage of(String bucket, String subjectPrefix, KeyValueEntry entry) {
		KeyValueChange.Operation operation = operation(entry);
		Instant created = entry.getCreated().toInstant();
		String key = entry.getKey();
		Headers headers = new Headers();
		headers.put(KeyValueHeaders.BUCKET, bucket);
		headers.put(KeyValueHeaders.KEY, key);
		headers.put(KeyValueHeaders.REVISION, Long.toString(entry.getRevision()));
		headers.put(KeyValueHeaders.OPERATION, operation.name());
		headers.put(KeyValueHeaders.CREATED, created.toString());
		byte[] value = (operation == KeyValueChange.Operation.PUT && entry.getValue() != null) ? entry.getValue()
				: NO_VALUE;
		return new KeyValueChangeMessage(subjectPrefix + key, headers, value, bucket, key, entry.getRevision(),
				operation, created);
	}

	private static KeyValueChange.Operation operation(KeyValueEntry entry) {
		return switch (entry.getOperation()) {
			case PUT -> KeyValueChange.Operation.PUT;
			case DELETE -> KeyValueChange.Operation.DELETE;
			case PURGE -> KeyValueChange.Operation.PURGE;
		};
	}

	String key() {
		return this.key;
	}

	long revision() {
		return this.revision;
	}

	KeyValueChange.Operation operation() {
		return this.operation;
	}

	/**
	 * Return the change with its value read by the given reader: {@code null} for a
	 * delete or purge; a value stored empty is read from an empty array ({@code ""} as a
	 * {@code String}, {@code null} as JSON), as the key-value template reads it.
	 * @param reader the reader of the value type
	 * @param type the value type, for the message of a conversion failure
	 * @return the change
	 * @throws MessageConversionException if the value cannot be read
	 */
	KeyValueChange<Object> toChange(PayloadReader reader, String type) {
		Object value = null;
		if (this.operation == KeyValueChange.Operation.PUT) {
			try {
				value = reader.read(getData(), null);
			}
			catch (MessageConversionException ex) {
				throw new MessageConversionException("Could not convert the value of key '" + this.key + "' (revision "
						+ this.revision + ") in bucket '" + this.bucket + "' to " + type + ": " + ex.getMessage(), ex);
			}
		}
		return new KeyValueChange<>(this.key, value, this.revision, this.operation, this.created);
	}

}
