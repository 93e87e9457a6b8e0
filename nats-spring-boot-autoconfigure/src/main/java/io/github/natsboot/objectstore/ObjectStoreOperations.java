package io.github.natsboot.objectstore;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Operations on one NATS JetStream object store bucket: objects of any size, stored in
 * chunks and streamed in and out, so that an object larger than the heap can be put from
 * an {@link InputStream} or a file and read into an {@link OutputStream}. Values can also
 * be stored converted like message payloads ({@code byte[]} as is, {@code String} as
 * UTF-8 text, anything else as JSON) and read back as a type; those are held in memory.
 *
 * <p>Putting an object under an existing name replaces it. Object names are any non-empty
 * text ({@code reports/2024/q1.pdf} is fine). Failures are {@link NatsObjectStoreException}s
 * naming the bucket and the object: {@link NatsObjectStoreBucketNotFoundException} when
 * the bucket does not exist and {@link NatsObjectNotFoundException} when an operation
 * needs an object that is absent. Values that cannot be converted are a
 * {@link org.springframework.messaging.converter.MessageConversionException}.
 */
public interface ObjectStoreOperations {

	/**
	 * Return the name of the bucket these operations work on.
	 * @return the bucket name
	 */
	String getBucket();

	/**
	 * Store the content of a stream, chunk by chunk, without holding it in memory. The
	 * stream is read to its end but not closed.
	 * @param name the object name
	 * @param content the content
	 * @return the stored object, with its size and digest
	 */
	StoredObject put(String name, InputStream content);

	/**
	 * Store bytes as they are.
	 * @param name the object name
	 * @param content the content
	 * @return the stored object
	 */
	StoredObject put(String name, byte[] content);

	/**
	 * Store the content of a file, streamed chunk by chunk.
	 * @param name the object name
	 * @param file the file to read
	 * @return the stored object
	 */
	StoredObject put(String name, Path file);

	/**
	 * Store a value converted like a message payload, with the content type of the
	 * conversion as its {@code Content-Type} header. An {@link InputStream}, a
	 * {@code byte[]} or a {@link Path} is stored as by the methods for them.
	 * @param name the object name
	 * @param value the value, not {@code null}
	 * @return the stored object
	 */
	StoredObject put(String name, Object value);

	/**
	 * Write the content of an object to a stream, chunk by chunk, without holding it in
	 * memory, checking its size and digest at the end. A link to an object is followed.
	 * The stream is not closed.
	 * @param name the object name
	 * @param target where to write the content
	 * @return the object read (the target of a link)
	 * @throws NatsObjectNotFoundException if the object is absent
	 */
	StoredObject get(String name, OutputStream target);

	/**
	 * Read the content of an object into memory.
	 * @param name the object name
	 * @return the content
	 * @throws NatsObjectNotFoundException if the object is absent
	 */
	byte[] getBytes(String name);

	/**
	 * Read an object as a type, converted like a message payload with the content type it
	 * was stored with.
	 * @param <T> the type
	 * @param name the object name
	 * @param type the type to read the content as
	 * @return the value
	 * @throws NatsObjectNotFoundException if the object is absent
	 */
	<T> T get(String name, Class<T> type);

	/**
	 * Return what the bucket holds about an object, without reading its content.
	 * @param name the object name
	 * @return the object, or {@code null} if it is absent or deleted
	 */
	StoredObject info(String name);

	/**
	 * List the objects and links of the bucket, deleted ones left out.
	 * @return the objects, in no particular order
	 */
	List<StoredObject> list();

	/**
	 * Delete an object and its content. A link is deleted, not what it links to.
	 * @param name the object name
	 * @return {@code true} if the object was deleted, {@code false} if it was absent
	 */
	boolean delete(String name);

	/**
	 * Put a link to another object of this bucket. Reading the link reads that object.
	 * @param name the name of the link
	 * @param target the object to link to
	 * @return the link
	 * @throws NatsObjectNotFoundException if the target is absent
	 */
	StoredObject link(String name, String target);

	/**
	 * Put a link to an object of another bucket.
	 * @param name the name of the link
	 * @param targetBucket the bucket of the object to link to
	 * @param target the object to link to
	 * @return the link
	 * @throws NatsObjectNotFoundException if the target is absent
	 * @throws NatsObjectStoreBucketNotFoundException if either bucket does not exist
	 */
	StoredObject link(String name, String targetBucket, String target);

	/**
	 * Put a link to a whole bucket.
	 * @param name the name of the link
	 * @param targetBucket the bucket to link to
	 * @return the link
	 * @throws NatsObjectStoreBucketNotFoundException if either bucket does not exist
	 */
	StoredObject linkBucket(String name, String targetBucket);

	/**
	 * Watch the bucket from now on: only changes made after this method returns are
	 * delivered. Equivalent to {@link #watch(ObjectStoreWatchStart, Consumer)
	 * watch(ObjectStoreWatchStart.UPDATES_ONLY, callback)}.
	 * @param callback called for each change
	 * @return the watch, to close when done
	 */
	ObjectStoreWatch watch(Consumer<ObjectChange> callback);

	/**
	 * Watch the bucket's objects. Changes are delivered in order, one at a time, on a
	 * thread of the watch's own; an exception thrown by the callback is logged (logger
	 * {@code io.github.natsboot.objectstore.ObjectStoreWatch}) and the watch carries on.
	 * @param start where the watch starts: only new changes, the current objects first,
	 * or the whole history first
	 * @param callback called for each change
	 * @return the watch, to close when done
	 */
	ObjectStoreWatch watch(ObjectStoreWatchStart start, Consumer<ObjectChange> callback);

}
