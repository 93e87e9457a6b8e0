package io.github.natsboot.kv;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatchOption;
import io.nats.client.impl.NatsKeyValueWatchSubscription;

import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.util.Assert;

import static io.github.natsboot.kv.KeyValueExceptionTranslator.NO_EXPECTED_REVISION;

/**
 * Default {@link KeyValueOperations} for one bucket, on top of the jnats
 * {@link KeyValue} API and a {@link NatsMessageConverter}.
 *
 * <p>The template can be created before its bucket exists, for example as a bean while
 * buckets are provisioned at startup: the bucket is looked up on first use and the jnats
 * {@code KeyValue} kept from then on. A failed lookup is not remembered, so a bucket that
 * appears later is found by the next operation. Instances are thread-safe.
 */
public class NatsKeyValueTemplate implements KeyValueOperations {

	private final String bucket;

	private final KeyValueBucket keyValueBucket;

	private final KeyValueCodec codec;

	private final KeyValueExceptionTranslator exceptionTranslator;

	/**
	 * Create a template for a bucket. Nothing is sent to the server until the first
	 * operation.
	 * @param connection the connection to use
	 * @param bucket the bucket name
	 * @param converter converts values to and from bytes
	 */
	public NatsKeyValueTemplate(Connection connection, String bucket, NatsMessageConverter converter) {
		Assert.notNull(connection, "Connection must not be null");
		KeyValueNames.validateBucket(bucket);
		Assert.notNull(converter, "Converter must not be null");
		this.bucket = bucket;
		this.keyValueBucket = new KeyValueBucket(connection, bucket);
		this.codec = new KeyValueCodec(bucket, converter);
		this.exceptionTranslator = new KeyValueExceptionTranslator(bucket);
	}

	@Override
	public String getBucket() {
		return this.bucket;
	}

	@Override
	public <T> VersionedValue<T> get(String key, Class<T> type) {
		KeyValueNames.validateKey(this.bucket, key);
		Assert.notNull(type, "Type must not be null");
		KeyValueEntry entry = execute("get key", key, NO_EXPECTED_REVISION, (kv) -> kv.get(key));
		if (entry == null) {
			return null;
		}
		T value = this.codec.read(key, entry.getRevision(), entry.getValue(), type);
		return new VersionedValue<>(key, value, entry.getRevision(), entry.getCreated().toInstant());
	}

	@Override
	public long put(String key, Object value) {
		KeyValueNames.validateKey(this.bucket, key);
		byte[] data = toBytes(key, value);
		return execute("put key", key, NO_EXPECTED_REVISION, (kv) -> kv.put(key, data));
	}

	@Override
	public long create(String key, Object value) {
		KeyValueNames.validateKey(this.bucket, key);
		byte[] data = toBytes(key, value);
		return execute("create key", key, 0, (kv) -> kv.create(key, data));
	}

	@Override
	public long update(String key, Object value, long expectedRevision) {
		KeyValueNames.validateKey(this.bucket, key);
		Assert.isTrue(expectedRevision > 0, () -> "Expected revision of key '" + key + "' in bucket '" + this.bucket
				+ "' must be positive; use create(key, value) for an absent key");
		byte[] data = toBytes(key, value);
		return execute("update key", key, expectedRevision, (kv) -> kv.update(key, data, expectedRevision));
	}

	@Override
	public void delete(String key) {
		KeyValueNames.validateKey(this.bucket, key);
		execute("delete key", key, NO_EXPECTED_REVISION, (kv) -> {
			kv.delete(key);
			return null;
		});
	}

	@Override
	public void purge(String key) {
		KeyValueNames.validateKey(this.bucket, key);
		execute("purge key", key, NO_EXPECTED_REVISION, (kv) -> {
			kv.purge(key);
			return null;
		});
	}

	@Override
	public List<String> keys() {
		return keys(">");
	}

	@Override
	public List<String> keys(String filter) {
		KeyValueNames.validatePattern(this.bucket, filter);
		return List.copyOf(execute("list keys matching", filter, NO_EXPECTED_REVISION, (kv) -> kv.keys(filter)));
	}

	@Override
	public <T> KeyValueWatch watch(String pattern, Class<T> type, Consumer<KeyValueChange<T>> callback) {
		return watch(pattern, type, KeyValueWatchStart.UPDATES_ONLY, callback);
	}

	@Override
	public <T> KeyValueWatch watch(String pattern, Class<T> type, KeyValueWatchStart start,
			Consumer<KeyValueChange<T>> callback) {
		KeyValueNames.validatePattern(this.bucket, pattern);
		Assert.notNull(type, "Type must not be null");
		Assert.notNull(start, "Start must not be null");
		Assert.notNull(callback, "Callback must not be null");
		NatsKeyValueWatch<T> watch = new NatsKeyValueWatch<>(this.bucket, pattern, type, this.codec, callback);
		NatsKeyValueWatchSubscription subscription = execute("watch keys matching", pattern, NO_EXPECTED_REVISION,
				(kv) -> kv.watch(pattern, watch, watchOptions(start)));
		watch.attach(subscription);
		return watch;
	}

	@Override
	public long refresh(String key) {
		KeyValueNames.validateKey(this.bucket, key);
		KeyValueEntry entry = execute("refresh key", key, NO_EXPECTED_REVISION, (kv) -> kv.get(key));
		if (entry == null) {
			throw new NatsKeyNotFoundException(this.bucket, key, "refresh");
		}
		long revision = entry.getRevision();
		return execute("refresh key", key, revision, (kv) -> kv.update(key, entry.getValue(), revision));
	}

	@Override
	public String toString() {
		return "NatsKeyValueTemplate[bucket=" + this.bucket + "]";
	}

	private byte[] toBytes(String key, Object value) {
		if (value == null) {
			throw new IllegalArgumentException("Value for key '" + key + "' in bucket '" + this.bucket
					+ "' must not be null; use delete(key) to remove a key");
		}
		return this.codec.write(key, value);
	}

	private <R> R execute(String operation, String key, long expectedRevision, KeyValueCallback<R> callback) {
		KeyValue keyValue;
		try {
			keyValue = this.keyValueBucket.keyValue();
		}
		catch (IOException ex) {
			throw this.exceptionTranslator.translate(operation, key, expectedRevision, ex);
		}
		try {
			return callback.doWith(keyValue);
		}
		catch (IOException ex) {
			if (this.keyValueBucket.isGone()) {
				throw new NatsKeyValueBucketNotFoundException(this.bucket, key, ex);
			}
			throw this.exceptionTranslator.translate(operation, key, expectedRevision, ex);
		}
		catch (JetStreamApiException | InterruptedException ex) {
			throw this.exceptionTranslator.translate(operation, key, expectedRevision, ex);
		}
	}

	private static KeyValueWatchOption[] watchOptions(KeyValueWatchStart start) {
		return switch (start) {
			case UPDATES_ONLY -> new KeyValueWatchOption[] { KeyValueWatchOption.UPDATES_ONLY };
			case CURRENT_VALUES -> new KeyValueWatchOption[0];
			case HISTORY -> new KeyValueWatchOption[] { KeyValueWatchOption.INCLUDE_HISTORY };
		};
	}

	@FunctionalInterface
	private interface KeyValueCallback<R> {

		R doWith(KeyValue keyValue) throws IOException, JetStreamApiException, InterruptedException;

	}

}
