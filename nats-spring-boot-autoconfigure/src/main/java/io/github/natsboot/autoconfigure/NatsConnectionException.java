package io.github.natsboot.autoconfigure;

import java.util.List;

/**
 * Thrown when the NATS connection cannot be established at startup. Carries what a
 * {@link org.springframework.boot.diagnostics.FailureAnalyzer} needs to tell the user
 * what to fix, and never a secret.
 */
public class NatsConnectionException extends RuntimeException {

	private final String connection;

	private final Reason reason;

	private final List<String> servers;

	private final NatsAuthenticationMethod authentication;

	private final String tls;

	private final String detail;

	/**
	 * Create a new exception for the default connection.
	 * @param reason why the connection failed
	 * @param servers the server URLs that were tried
	 * @param authentication how the connection authenticated
	 * @param tls how TLS was configured, or {@code null} without TLS
	 * @param detail the underlying error message
	 * @param cause the underlying exception
	 */
	public NatsConnectionException(Reason reason, List<String> servers, NatsAuthenticationMethod authentication,
			String tls, String detail, Throwable cause) {
		this(NatsConnectionNames.DEFAULT, reason, servers, authentication, tls, detail, cause);
	}

	/**
	 * Create a new exception.
	 * @param connection the name of the connection that failed
	 * @param reason why the connection failed
	 * @param servers the server URLs that were tried
	 * @param authentication how the connection authenticated
	 * @param tls how TLS was configured, or {@code null} without TLS
	 * @param detail the underlying error message
	 * @param cause the underlying exception
	 */
	public NatsConnectionException(String connection, Reason reason, List<String> servers,
			NatsAuthenticationMethod authentication, String tls, String detail, Throwable cause) {
		super((NatsConnectionNames.isDefault(connection) ? "" : "Connection '" + connection + "': ") + reason.summary
				+ " (servers " + servers + ", authentication: " + authentication.getDescription() + "): " + detail,
				cause);
		this.connection = NatsConnectionNames.isDefault(connection) ? NatsConnectionNames.DEFAULT : connection;
		this.reason = reason;
		this.servers = List.copyOf(servers);
		this.authentication = authentication;
		this.tls = tls;
		this.detail = detail;
	}

	/**
	 * The name of the connection that failed.
	 * @return {@value NatsConnectionNames#DEFAULT} or the name of a connection under
	 * {@code nats.connections}
	 */
	public String getConnection() {
		return this.connection;
	}

	/**
	 * The full name of one of the failed connection's properties.
	 * @param property the property, such as {@code servers}
	 * @return its name, such as {@code nats.connections.events.servers}
	 */
	public String property(String property) {
		return NatsConnectionNames.propertyPrefix(this.connection) + property;
	}

	public Reason getReason() {
		return this.reason;
	}

	public List<String> getServers() {
		return this.servers;
	}

	public NatsAuthenticationMethod getAuthentication() {
		return this.authentication;
	}

	public String getTls() {
		return this.tls;
	}

	public String getDetail() {
		return this.detail;
	}

	/**
	 * Why a connection could not be established.
	 */
	public enum Reason {

		/**
		 * No server accepted a network connection.
		 */
		UNREACHABLE("No NATS server could be reached"),

		/**
		 * A server rejected the credentials.
		 */
		AUTHORIZATION("The NATS server rejected the credentials"),

		/**
		 * The TLS handshake failed.
		 */
		TLS("The TLS handshake with the NATS server failed");

		private final String summary;

		Reason(String summary) {
			this.summary = summary;
		}

		public String getSummary() {
			return this.summary;
		}

	}

}
