package io.github.natsboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NatsConnectionException} at startup: which servers were tried, which
 * authentication method or TLS setup was used (never a secret), and what to change.
 */
class NatsConnectionFailureAnalyzer extends AbstractFailureAnalyzer<NatsConnectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsConnectionException cause) {
		return switch (cause.getReason()) {
			case UNREACHABLE -> unreachable(cause);
			case AUTHORIZATION -> authorization(cause);
			case TLS -> tls(cause);
		};
	}

	private FailureAnalysis unreachable(NatsConnectionException cause) {
		String description = subject(cause, "No NATS server could be reached") + ". Tried: " + String.join(", ", cause.getServers())
				+ ". Last error: " + cause.getDetail() + ".";
		String action = "Start a NATS server at one of these URLs or point " + cause.property("servers")
				+ " at your servers (for a cluster, list every node). To start the application without a reachable "
				+ "server and let the connection keep trying in the background, set " + cause.property("fail-fast")
				+ "=false."
				+ ((cause.getTls() != null) ? " When the server verifies clients (mutual TLS), make sure the SSL bundle "
						+ "named by " + cause.property("ssl.bundle") + " holds a client certificate and key the server "
						+ "trusts." : "");
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis authorization(NatsConnectionException cause) {
		String description = subject(cause, "The NATS server at " + String.join(", ", cause.getServers())
				+ " rejected the connection") + ": " + cause.getDetail() + ". Authentication method used: "
				+ cause.getAuthentication().getDescription() + ".";
		String action = "Check the credentials configured with " + cause.getAuthentication().getProperties(cause.getConnection())
				+ " against the server's authorization configuration (users, tokens, nkeys or accounts).";
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis tls(NatsConnectionException cause) {
		String description = subject(cause,
				"The TLS handshake with the NATS server at " + String.join(", ", cause.getServers()) + " failed")
				+ ": " + cause.getDetail() + ". TLS configuration: "
				+ ((cause.getTls() != null) ? cause.getTls() : "none") + ".";
		String action = "Make sure that the client and the server agree on TLS (a tls block on the server; "
				+ cause.property("ssl.enabled") + " or a tls:// URL on the client), that the SSL bundle named by "
				+ cause.property("ssl.bundle") + " "
				+ "trusts the certificate authority that signed the server's certificate, and, when the server "
				+ "verifies clients (mutual TLS), that the bundle holds a client certificate and key the server trusts.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String subject(NatsConnectionException cause, String failure) {
		return NatsConnectionNames.isDefault(cause.getConnection()) ? failure
				: "Connection '" + cause.getConnection() + "' (nats.connections." + cause.getConnection() + "): "
						+ Character.toLowerCase(failure.charAt(0)) + failure.substring(1);
	}

}
