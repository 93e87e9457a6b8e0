package io.github.natsboot.autoconfigure;

import java.util.List;

/**
 * Thrown when the NATS connection cannot be established at startup. Carries what a
 * {@link org.springframework.boot.diagnostics.FailureAnalyzer} needs to tell the user
 * what to fix, and never a secret.
 */
public class NatsConnectionException extends RuntimeException {

	private final Reason reason;

	private final List<String> servers;

	private final NatsAuthenticationMethod authentication;

	private final String tls;

	private final String detail;

	/**
	 * Create a new exception.
	 * @param reason why the connection failed
	 * @param servers the server URLs that were tried
	 * @param authentication how the connection authenticated
	 * @param tls how TLS was configured, or {@code null} without TLS
	 * @param detail the underlying error message
	 * @param cause the underlying exception
	 */
	public NatsConnectionException(Reason reason, List<String> servers, NatsAuthenticationMethod authentication,
			String tls,
			String detail, Throwable cause) {
		super(reason.summary + " (servers " + servers + ", authentication: " + authentication.getDescription()
				+ "): " + detail,
				cause);
		this.reason = reason;
		this.servers = List.copyOf(servers);
		this.authentication = authentication;
		this.tls = tls;
		this.detail = detail;
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
