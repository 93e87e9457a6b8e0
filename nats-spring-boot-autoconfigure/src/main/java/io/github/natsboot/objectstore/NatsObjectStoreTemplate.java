package io.github.natsboot.objectstore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Consumer;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.ObjectStore;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreWatchOption;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsObjectStoreWatchSubscription;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.convert.NatsMessageConverter;

import org.springframework.util.Assert;

/**
 * Default {@link ObjectStoreOperations} for one bucket, on top of the jnats
 * {@link ObjectStore} API, which splits content into chunks (128 KiB by default) and
 * streams them, and a {@link NatsMessageConverter} for converted values.
 *
 * <p>The template can be created before its bucket exists, for example while buckets are
 * provisioned at startup: nothing is sent to the server until the first operation.
 * Instances are thread-safe.
 */
public class NatsObjectStoreTemplate implements ObjectStoreOperations {

	private final Connection connection;

	private final String bucket;

	private final ObjectStoreBucket objectStoreBucket;

	private final ObjectStoreCodec codec;

	private final ObjectStoreExceptionTranslator exceptionTranslator;

	/**
	 * Create a template for a bucket. Nothing is sent to the server until the first
	 * operation.
	 * @param connection the connection to use
	 * @param bucket the bucket name
	 * @param converter converts values to and from bytes
	 */
	public NatsObjectStoreTemplate(Connection connection, String bucket, NatsMessageConverter converter) {
		Assert.notNull(connection, "Connection must not be null");
		ObjectStoreNames.validateBucket(bucket);
		Assert.notNull(converter, "Converter must not be null");
		this.connection = connection;
		this.bucket = bucket;
		this.objectStoreBucket = new ObjectStoreBucket(connection, bucket);
		this.codec = new ObjectStoreCodec(bucket, converter);
		this.exceptionTranslator = new ObjectStoreExceptionTranslator(bucket);
	}

	@Override
	public String getBucket() {
		return this.bucket;
	}

	@Override
	public StoredObject put(String name, InputStream content) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		Assert.notNull(content, () -> "Content of object '" + name + "' must not be null");
		return put(ObjectMeta.objectName(name), new NonClosingInputStream(content));
	}

	@Override
	public StoredObject put(String name, byte[] content) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		Assert.notNull(content, () -> "Content of object '" + name + "' must not be null");
		return put(ObjectMeta.objectName(name), new ByteArrayInputStream(content));
	}

	@Override
	public StoredObject put(String name, Path file) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		Assert.notNull(file, () -> "File of object '" + name + "' must not be null");
		InputStream content;
		try {
			content = Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new NatsObjectStoreException(this.bucket, name, "Could not put object '" + name
					+ "' in object store '" + this.bucket + "': cannot read file " + file + " (" + ex + ")", ex);
		}
		try (content) {
			return put(ObjectMeta.objectName(name), content);
		}
		catch (IOException ex) {
			throw this.exceptionTranslator.translate("put", name, ex);
		}
	}

	@Override
	public StoredObject put(String name, Object value) {
		if (value instanceof InputStream content) {
			return put(name, content);
		}
		if (value instanceof byte[] content) {
			return put(name, content);
		}
		if (value instanceof Path file) {
			return put(name, file);
		}
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		if (value == null) {
			throw new IllegalArgumentException("Value of object '" + name + "' in object store '" + this.bucket
					+ "' must not be null; use delete(name) to remove an object");
		}
		ObjectStoreCodec.Encoded encoded = this.codec.write(name, value);
		ObjectMeta.Builder meta = ObjectMeta.builder(name);
		if (encoded.contentType() != null) {
			meta.headers(new Headers().put(NatsHeaders.CONTENT_TYPE, encoded.contentType()));
		}
		return put(meta.build(), new ByteArrayInputStream(encoded.data()));
	}

	@Override
	public StoredObject get(String name, OutputStream target) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		Assert.notNull(target, () -> "Target of object '" + name + "' must not be null");
		return StoredObjects.of(execute("get", name, (store) -> store.get(name, target)));
	}

	@Override
	public byte[] getBytes(String name) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		execute("get", name, (store) -> store.get(name, content));
		return content.toByteArray();
	}

	@Override
	public <T> T get(String name, Class<T> type) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		Assert.notNull(type, "Type must not be null");
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		ObjectInfo info = execute("get", name, (store) -> store.get(name, content));
		return this.codec.read(name, content.toByteArray(), info.getHeaders(), type);
	}

	@Override
	public StoredObject info(String name) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		ObjectInfo info = execute("get info of", name, (store) -> store.getInfo(name));
		return (info != null) ? StoredObjects.of(info) : null;
	}

	@Override
	public List<StoredObject> list() {
		return execute("list", null, ObjectStore::getList).stream().map(StoredObjects::of).toList();
	}

	@Override
	public boolean delete(String name) {
		ObjectStoreNames.validateName(this.bucket, name, "object name");
		try {
			return execute("delete", name, (store) -> store.getInfo(name) != null && store.delete(name) != null);
		}
		catch (NatsObjectNotFoundException ex) {
			return false;
		}
	}

	@Override
	public StoredObject link(String name, String target) {
		return link(name, this.bucket, target);
	}

	@Override
	public StoredObject link(String name, String targetBucket, String target) {
		ObjectStoreNames.validateName(this.bucket, name, "link name");
		ObjectStoreNames.validateBucket(targetBucket);
		ObjectStoreNames.validateName(targetBucket, target, "object name");
		ObjectInfo targetInfo = targetBucket.equals(this.bucket)
				? execute("link to", target, (store) -> store.getInfo(target))
				: new NatsObjectStoreTemplate(this.connection, targetBucket, this.codec.converter())
					.execute("link to", target, (store) -> store.getInfo(target));
		if (targetInfo == null) {
			throw new NatsObjectNotFoundException(targetBucket, target, "link '" + name + "' to");
		}
		return StoredObjects.of(execute("put link", name, (store) -> store.addLink(name, targetInfo)));
	}

	@Override
	public StoredObject linkBucket(String name, String targetBucket) {
		ObjectStoreNames.validateName(this.bucket, name, "link name");
		ObjectStoreNames.validateBucket(targetBucket);
		NatsObjectStoreTemplate target = new NatsObjectStoreTemplate(this.connection, targetBucket,
				this.codec.converter());
		ObjectStore targetStore = target.execute("link to", null, (store) -> {
			store.getStatus();
			return store;
		});
		return StoredObjects.of(execute("put link", name, (store) -> store.addBucketLink(name, targetStore)));
	}

	@Override
	public ObjectStoreWatch watch(Consumer<ObjectChange> callback) {
		return watch(ObjectStoreWatchStart.UPDATES_ONLY, callback);
	}

	@Override
	public ObjectStoreWatch watch(ObjectStoreWatchStart start, Consumer<ObjectChange> callback) {
		Assert.notNull(start, "Start must not be null");
		Assert.notNull(callback, "Callback must not be null");
		NatsObjectStoreWatch watch = new NatsObjectStoreWatch(this.bucket, callback);
		NatsObjectStoreWatchSubscription subscription = execute("watch", null,
				(store) -> store.watch(watch, watchOptions(start)));
		watch.attach(subscription);
		return watch;
	}

	@Override
	public String toString() {
		return "NatsObjectStoreTemplate[bucket=" + this.bucket + "]";
	}

	private StoredObject put(ObjectMeta meta, InputStream content) {
		return StoredObjects.of(execute("put", meta.getObjectName(), (store) -> store.put(meta, content)));
	}

	private <R> R execute(String operation, String name, ObjectStoreCallback<R> callback) {
		try {
			return callback.doWith(this.objectStoreBucket.objectStore());
		}
		catch (IOException ex) {
			if (this.objectStoreBucket.isGone()) {
				throw new NatsObjectStoreBucketNotFoundException(this.bucket, name, ex);
			}
			throw this.exceptionTranslator.translate(operation, name, ex);
		}
		catch (JetStreamApiException | InterruptedException | NoSuchAlgorithmException ex) {
			throw this.exceptionTranslator.translate(operation, name, ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			if (ObjectStoreExceptionTranslator.isObjectStoreClientError(ex)) {
				throw this.exceptionTranslator.translate(operation, name, ex);
			}
			throw ex;
		}
	}

	private static ObjectStoreWatchOption[] watchOptions(ObjectStoreWatchStart start) {
		return switch (start) {
			case UPDATES_ONLY -> new ObjectStoreWatchOption[] { ObjectStoreWatchOption.UPDATES_ONLY };
			case CURRENT_OBJECTS -> new ObjectStoreWatchOption[0];
			case HISTORY -> new ObjectStoreWatchOption[] { ObjectStoreWatchOption.INCLUDE_HISTORY };
		};
	}

	/**
	 * Leaves the caller's stream open: jnats closes what it has read.
	 */
	private static final class NonClosingInputStream extends FilterInputStream {

		NonClosingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

	@FunctionalInterface
	private interface ObjectStoreCallback<R> {

		R doWith(ObjectStore store)
				throws IOException, JetStreamApiException, InterruptedException, NoSuchAlgorithmException;

	}

}
