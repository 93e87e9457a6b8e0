package io.github.natsboot.kv;

import io.github.natsboot.core.JetStreamApiErrorCodes;

import io.nats.client.JetStreamApiException;

/**
 * Turns the checked exceptions of the jnats key-value API into
 * {@link NatsKeyValueException}s that name the bucket, the operation and the key.
 */
final class KeyValueExceptionTranslator {

	/**
	 * Passed as the expected revision of an operation that does not expect one.
	 */
	static final long NO_EXPECTED_REVISION = -1;

	private final String bucket;

	KeyValueExceptionTranslator(String bucket) {
		this.bucket = bucket;
	}

	/**
	 * Translate a failure. Restores the interrupt flag when the failure is an
	 * {@link InterruptedException}, or jnats's {@link java.io.IOException} wrapping one.
	 * @param operation what was being done, such as {@code "put key"} or
	 * {@code "list keys matching"}
	 * @param key the key or pattern
	 * @param expectedRevision the revision a conditional write expected ({@code 0}: absent),
	 * or {@link #NO_EXPECTED_REVISION}
	 * @param ex the failure
	 * @return the exception to throw
	 */
	NatsKeyValueException translate(String operation, String key, long expectedRevision, Exception ex) {
		if (ex instanceof InterruptedException || ex.getCause() instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return new NatsKeyValueException(this.bucket, key, "Interrupted while trying to " + describe(operation, key),
					ex);
		}
		if (isBucketNotFound(ex)) {
			return new NatsKeyValueBucketNotFoundException(this.bucket, key, ex);
		}
		JetStreamApiException apiException = findApiException(ex);
		int code = (apiException != null) ? apiException.getApiErrorCode() : 0;
		if (expectedRevision >= 0 && (code == JetStreamApiErrorCodes.WRONG_LAST_SEQUENCE
				|| code == JetStreamApiErrorCodes.SEQUENCE_TEMPORARILY_UNKNOWN)) {
			return new NatsKeyValueConflictException(this.bucket, key, expectedRevision,
					conflictMessage(operation, key, expectedRevision, apiException), ex);
		}
		return new NatsKeyValueException(this.bucket, key,
				"Could not " + describe(operation, key) + ": " + ex.getMessage(), ex);
	}

	/**
	 * Return whether a failure is the server saying that the bucket's stream does not
	 * exist.
	 * @param ex the failure
	 * @return {@code true} for a "stream not found" API error, also as a cause
	 */
	static boolean isBucketNotFound(Throwable ex) {
		JetStreamApiException apiException = findApiException(ex);
		return apiException != null && apiException.getApiErrorCode() == JetStreamApiErrorCodes.STREAM_NOT_FOUND;
	}

	private String conflictMessage(String operation, String key, long expectedRevision,
			JetStreamApiException ex) {
		String reason = (expectedRevision == 0) ? "the key already exists"
				: "revision " + expectedRevision + " is no longer the latest revision of the key";
		return "Could not " + describe(operation, key) + ": " + reason + " (" + ex.getErrorDescription() + ")";
	}

	private String describe(String operation, String key) {
		return operation + " '" + key + "' in bucket '" + this.bucket + "'";
	}

	private static JetStreamApiException findApiException(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof JetStreamApiException apiException) {
				return apiException;
			}
		}
		return null;
	}

}
