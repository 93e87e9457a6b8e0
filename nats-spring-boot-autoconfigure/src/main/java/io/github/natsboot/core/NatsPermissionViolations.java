package io.github.natsboot.core;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts the permission violations the server reports on a connection and passes them to
 * {@link NatsPermissionViolationListener}s. NATS reports them asynchronously, after the
 * call returned: a publish to a denied subject does not throw, the server drops the
 * message and sends an error; a denied subscription stays open on the client and receives
 * nothing. The auto-configuration feeds the connection's errors in through
 * {@link #asErrorListener()}; read the counts from a health indicator or a metric.
 */
public class NatsPermissionViolations {

	private static final Log logger = LogFactory.getLog(NatsPermissionViolations.class);

	private final List<NatsPermissionViolationListener> listeners;

	private final LongAdder publishViolations = new LongAdder();

	private final LongAdder subscriptionViolations = new LongAdder();

	private volatile NatsPermissionViolation lastViolation;

	/**
	 * Create an instance that passes violations to the given listeners, in list order.
	 * @param listeners the listeners
	 */
	public NatsPermissionViolations(List<NatsPermissionViolationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Record a server error if it is a permission violation.
	 * @param error the error text the server sent
	 * @return the violation, or {@code null} if the error is not a permission violation
	 */
	public NatsPermissionViolation record(String error) {
		NatsPermissionViolation violation = NatsPermissionViolation.parse(error);
		if (violation == null) {
			return null;
		}
		if (violation.operation() == NatsPermissionViolation.Operation.PUBLISH) {
			this.publishViolations.increment();
		}
		else {
			this.subscriptionViolations.increment();
		}
		this.lastViolation = violation;
		for (NatsPermissionViolationListener listener : this.listeners) {
			try {
				listener.onViolation(violation);
			}
			catch (RuntimeException ex) {
				logger.warn("Permission violation listener " + listener + " failed", ex);
			}
		}
		return violation;
	}

	/**
	 * An error listener to register on the connection that records its errors here.
	 * @return the error listener
	 */
	public ErrorListener asErrorListener() {
		return new ErrorListener() {

			@Override
			public void errorOccurred(Connection connection, String error) {
				record(error);
			}

		};
	}

	/**
	 * Publishes the server refused since the connection was created.
	 * @return the number of publish permission violations
	 */
	public long getPublishViolationCount() {
		return this.publishViolations.sum();
	}

	/**
	 * Subscriptions the server refused since the connection was created.
	 * @return the number of subscription permission violations
	 */
	public long getSubscriptionViolationCount() {
		return this.subscriptionViolations.sum();
	}

	/**
	 * The most recent violation.
	 * @return the last violation, or {@code null} if there was none
	 */
	public NatsPermissionViolation getLastViolation() {
		return this.lastViolation;
	}

}
