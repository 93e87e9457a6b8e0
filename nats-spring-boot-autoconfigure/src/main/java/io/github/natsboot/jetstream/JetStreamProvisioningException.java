package io.github.natsboot.jetstream;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.github.natsboot.core.NatsException;

/**
 * Thrown when JetStream definitions cannot be provisioned: a definition is invalid, the
 * server holds something different (in {@link ProvisioningMode#VALIDATE validate} mode)
 * or cannot change it, or the server rejects it. Each {@link Problem} names the
 * offending setting.
 */
public class JetStreamProvisioningException extends NatsException {

	private final Reason reason;

	private final List<Problem> problems;

	/**
	 * Create a new exception.
	 * @param reason what went wrong
	 * @param problems the problems, at least one
	 */
	public JetStreamProvisioningException(Reason reason, List<Problem> problems) {
		this(reason, problems, null);
	}

	/**
	 * Create a new exception.
	 * @param reason what went wrong
	 * @param problems the problems, at least one
	 * @param cause the underlying failure, or {@code null}
	 */
	public JetStreamProvisioningException(Reason reason, List<Problem> problems, Throwable cause) {
		super(reason.getSummary() + ": " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")),
				cause);
		this.reason = reason;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return what went wrong.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the problems, each naming a setting.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * Return a copy of this exception whose problems name their settings differently,
	 * for example with the full property name.
	 * @param naming maps a problem's property to the name to report
	 * @return the renamed exception
	 */
	public JetStreamProvisioningException withPropertyNames(UnaryOperator<String> naming) {
		List<Problem> renamed = this.problems.stream()
			.map((problem) -> new Problem(naming.apply(problem.property()), problem.reason()))
			.toList();
		JetStreamProvisioningException exception = new JetStreamProvisioningException(this.reason, renamed,
				getCause());
		exception.setStackTrace(getStackTrace());
		return exception;
	}

	/**
	 * One problem with one setting.
	 *
	 * @param property the setting, as a property path relative to {@code nats.jetstream}
	 * (such as {@code streams.orders.max-bytes}) unless renamed
	 * @param reason what is wrong with it
	 */
	public record Problem(String property, String reason) {

		@Override
		public String toString() {
			return this.property + ": " + this.reason;
		}

	}

	/**
	 * Why provisioning failed.
	 */
	public enum Reason {

		/**
		 * A definition is invalid; found before contacting the server.
		 */
		INVALID_DEFINITION("Invalid JetStream definition"),

		/**
		 * The server holds something missing or different from the definitions, in
		 * validate mode.
		 */
		DRIFT("JetStream configuration on the server does not match the definitions"),

		/**
		 * A definition changes a setting the server cannot change on an existing stream,
		 * consumer or bucket.
		 */
		IMMUTABLE_CHANGE("JetStream definition changes a setting the server cannot change"),

		/**
		 * A definition sets something the connected server is too old to support; found
		 * before anything is created or updated.
		 */
		UNSUPPORTED_SETTING("A JetStream setting needs a newer NATS server"),

		/**
		 * The server rejected a definition or cannot apply it.
		 */
		REJECTED("The NATS server rejected a JetStream definition"),

		/**
		 * JetStream is not available: not enabled on the server, or not reachable.
		 */
		UNAVAILABLE("JetStream is not available");

		private final String summary;

		Reason(String summary) {
			this.summary = summary;
		}

		/**
		 * Return a one-line summary.
		 * @return the summary
		 */
		public String getSummary() {
			return this.summary;
		}

	}

}
