package io.github.natsboot.objectstore;

import io.github.natsboot.core.JetStreamApiErrorCodes;
import io.nats.client.JetStreamApiException;
import io.nats.client.support.NatsJetStreamClientError;

/**
 * Turns the failures of the jnats object store API into {@link NatsObjectStoreException}s
 * that name the bucket, the operation and the object.
 */
final class ObjectStoreExceptionTranslator {

	private final String bucket;

	ObjectStoreExceptionTranslator(String bucket) {
		this.bucket = bucket;
	}

	/**
	 * Translate a failure. Restores the interrupt flag when the failure is an
	 * {@link InterruptedException}, or jnats's {@link java.io.IOException} wrapping one.
	 * @param operation what was being done, such as {@code "put"}
	 * @param name the object name, or {@code null}
	 * @param ex the failure
	 * @return the exception to throw
	 */
	NatsObjectStoreException translate(String operation, String name, Exception ex) {
		if (ex instanceof InterruptedException || ex.getCause() instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return new NatsObjectStoreException(this.bucket, name,
					"Interrupted while trying to " + describe(operation, name), ex);
		}
		if (isBucketNotFound(ex)) {
			return new NatsObjectStoreBucketNotFoundException(this.bucket, name, ex);
		}
		if (isObjectNotFound(ex)) {
			return new NatsObjectNotFoundException(this.bucket, name, operation, ex);
		}
		return new NatsObjectStoreException(this.bucket, name,
				"Could not " + describe(operation, name) + ": " + ex.getMessage(), ex);
	}

	/**
	 * Return whether a runtime failure of jnats is one of its object store client errors
	 * ({@code [OS-902xx] ...}), which are translated rather than passed on.
	 * @param ex the failure
	 * @return {@code true} for an object store client error
	 */
	static boolean isObjectStoreClientError(RuntimeException ex) {
		return (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException)
				&& ex.getMessage() != null && ex.getMessage().startsWith("[OS-");
	}

	/**
	 * Return whether a failure is the server saying that the bucket's stream does not
	 * exist.
	 * @param ex the failure
	 * @return {@code true} for a "stream not found" API error, also as a cause
	 */
	static boolean isBucketNotFound(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof JetStreamApiException apiException) {
				return apiException.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND;
			}
		}
		return false;
	}

	private static boolean isObjectNotFound(Exception ex) {
		String message = ex.getMessage();
		return message != null && (message.contains(NatsJetStreamClientError.OsObjectNotFound.id())
				|| message.contains(NatsJetStreamClientError.OsObjectIsDeleted.id()));
	}

	private String describe(String operation, String name) {
		return (name != null) ? operation + " object '" + name + "' in object store '" + this.bucket + "'"
				: operation + " object store '" + this.bucket + "'";
	}

}
