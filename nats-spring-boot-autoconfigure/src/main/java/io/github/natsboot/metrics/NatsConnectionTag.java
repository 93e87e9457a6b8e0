package io.github.natsboot.metrics;

/**
 * The {@code connection} tag of the NATS meters: which of the application's connections
 * a meter counts, {@value #DEFAULT} for the one configured under {@code nats.*} and the
 * name for those under {@code nats.connections.<name>}.
 */
public final class NatsConnectionTag {

	/**
	 * The tag's key.
	 */
	public static final String KEY = "connection";

	/**
	 * The tag's value for the default connection.
	 */
	public static final String DEFAULT = "default";

	private NatsConnectionTag() {
	}

	/**
	 * Return the tag's value for a connection.
	 * @param connection the connection's name, {@code null} for the default connection
	 * @return the value
	 */
	public static String of(String connection) {
		return (connection == null || connection.isEmpty()) ? DEFAULT : connection;
	}

}
