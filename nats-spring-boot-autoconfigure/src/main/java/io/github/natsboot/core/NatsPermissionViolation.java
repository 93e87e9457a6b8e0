package io.github.natsboot.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publish or a subscription the server refused because the connection's user lacks
 * the permission, as reported asynchronously by the server's {@code -ERR} line (for
 * example {@code Permissions Violation for Publish to "orders.new"}). The connection
 * stays open: the server only drops the message or ignores the subscription.
 *
 * @param operation what was denied
 * @param subject the denied subject, as the client sent it
 * @param queue the queue group of a denied subscription, or {@code null}
 * @param error the server's error text
 */
public record NatsPermissionViolation(Operation operation, String subject, String queue, String error) {

	private static final Pattern PATTERN = Pattern
		.compile("Permissions Violation for (Publish|Subscription) to \"?([^\"\\s]+)\"?(?: using queue \"?([^\"\\s]+)\"?)?",
				Pattern.CASE_INSENSITIVE);

	/**
	 * Parse a server error.
	 * @param error the error text passed to {@code ErrorListener.errorOccurred}
	 * @return the violation, or {@code null} if the error is not a permission violation
	 */
	public static NatsPermissionViolation parse(String error) {
		if (error == null) {
			return null;
		}
		Matcher matcher = PATTERN.matcher(error);
		if (!matcher.find()) {
			return null;
		}
		Operation operation = "publish".equalsIgnoreCase(matcher.group(1)) ? Operation.PUBLISH : Operation.SUBSCRIBE;
		return new NatsPermissionViolation(operation, matcher.group(2), matcher.group(3), error);
	}

	/**
	 * The operation a permission violation refused.
	 */
	public enum Operation {

		/**
		 * A publish: the server dropped the message.
		 */
		PUBLISH,

		/**
		 * A subscription: the server delivers nothing to it.
		 */
		SUBSCRIBE

	}

}
