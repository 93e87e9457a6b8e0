package io.github.natsboot.leader;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The last failure of an election to reach its bucket, for its status, logged once when
 * it first happens and again when the bucket can be reached.
 */
final class ElectionFailures {

	private static final Log logger = LogFactory.getLog(NatsLeaderElection.class);

	private final LeaderElectionSettings settings;

	private volatile String lastFailure;

	ElectionFailures(LeaderElectionSettings settings) {
		this.settings = settings;
	}

	/**
	 * Return the last failure.
	 * @return a description of the last failure, or {@code null} when the last request
	 * succeeded
	 */
	String last() {
		return this.lastFailure;
	}

	/**
	 * Record and log a failure, unless it is the same as the last one.
	 * @param action what the election could not do, such as "take the lease"
	 * @param failure the failure
	 */
	void record(String action, Throwable failure) {
		String message = describe(failure);
		boolean repeated = message.equals(this.lastFailure);
		this.lastFailure = message;
		String text = "Leader election of group '" + this.settings.getGroup() + "' on node '"
				+ this.settings.getNodeId() + "' could not " + action + ": " + message;
		if (failure instanceof LeaderElectionException) {
			if (!repeated) {
				logger.error(text);
			}
		}
		else if (!repeated) {
			logger.warn(text + "; retrying every " + this.settings.getRetryInterval());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(text);
		}
	}

	/**
	 * Record a failure that is logged elsewhere.
	 * @param failure the failure
	 */
	void recordLogged(Throwable failure) {
		this.lastFailure = describe(failure);
	}

	/**
	 * Forget the last failure, saying so when there was one.
	 */
	void clear() {
		if (this.lastFailure != null) {
			this.lastFailure = null;
			logger.info("Leader election of group '" + this.settings.getGroup() + "' on node '"
					+ this.settings.getNodeId() + "' reaches its bucket again");
		}
	}

	/**
	 * Describe a failure for a log message or the status.
	 * @param failure the failure
	 * @return the description
	 */
	static String describe(Throwable failure) {
		if (failure instanceof LeaderElectionException) {
			return failure.getMessage();
		}
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

}
