package io.github.natsboot.listener;

/**
 * A dead letter could not be published, or its publication could not be confirmed.
 */
public class DeadLetterFailedException extends Exception {

	DeadLetterFailedException(String subject, Throwable cause) {
		super("Could not publish a dead letter to '" + subject + "': " + cause, cause);
	}

}
