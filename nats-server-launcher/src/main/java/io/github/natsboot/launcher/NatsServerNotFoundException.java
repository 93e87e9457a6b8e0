package io.github.natsboot.launcher;

/**
 * Thrown when no {@code nats-server} executable is found. The message says where the lookup
 * looked and how to install the server, and, when running the server in a container was tried
 * instead, why that cannot work here.
 */
public class NatsServerNotFoundException extends IllegalStateException {

	/** The command that installs the server on Debian and Ubuntu. */
	public static final String INSTALL_COMMAND = "sudo apt-get install nats-server";

	private static final long serialVersionUID = 1L;

	private final String reason;

	private final boolean configured;

	private final String containerUnavailableReason;

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
		this.containerUnavailableReason = null;
	}

	/**
	 * Creates an exception for a search that found no executable when no container could run the
	 * server either.
	 * @param notFound the failed search
	 * @param containerUnavailableReason why no container can be run here
	 */
	public NatsServerNotFoundException(NatsServerNotFoundException notFound, String containerUnavailableReason) {
		super(notFound.getMessage() + " Running it in a container instead needs Testcontainers and Docker on Linux, "
				+ "and is not possible here: " + containerUnavailableReason + ".", notFound);
		this.reason = notFound.getReason();
		this.configured = notFound.isConfigured();
		this.containerUnavailableReason = containerUnavailableReason;
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

	/**
	 * Returns why no container could run the server instead, when that was tried.
	 * @return the reason, or {@code null} when no container was tried
	 */
	public String getContainerUnavailableReason() {
		return this.containerUnavailableReason;
	}

}
