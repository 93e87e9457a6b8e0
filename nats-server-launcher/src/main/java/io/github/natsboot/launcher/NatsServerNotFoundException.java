package io.github.natsboot.launcher;

/**
 * Thrown when no {@code nats-server} executable is found. The message says where the lookup
 * looked and how to install the server.
 */
public class NatsServerNotFoundException extends IllegalStateException {

	/** The command that installs the server on Debian and Ubuntu. */
	public static final String INSTALL_COMMAND = "sudo apt-get install nats-server";

	private static final long serialVersionUID = 1L;

	private final String reason;

	private final boolean configured;

	/**
	 * Creates an exception.
	 * @param reason where the lookup looked, or which configured value is wrong
	 * @param configured whether the reason is a configured location that does not lead to an
	 * executable (rather than a search that found nothing)
	 * @param configurationHint how to point the caller at an executable
	 */
	public NatsServerNotFoundException(String reason, boolean configured, String configurationHint) {
		super("No nats-server executable found (" + reason + "). Install it with '" + INSTALL_COMMAND
				+ "' on Debian/Ubuntu (it installs /usr/sbin/nats-server), or " + configurationHint + ".");
		this.reason = reason;
		this.configured = configured;
	}

	/**
	 * Returns where the lookup looked, or which configured value is wrong.
	 * @return the reason, without installation instructions
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Returns whether a configured location was wrong, rather than the search finding nothing.
	 * @return {@code true} for a configured location that does not lead to an executable
	 */
	public boolean isConfigured() {
		return this.configured;
	}

}
