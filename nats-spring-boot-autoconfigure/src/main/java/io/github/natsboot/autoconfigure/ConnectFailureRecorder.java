package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;

import org.springframework.util.StringUtils;

/**
 * Remembers the last error and exception reported while connecting, because jnats
 * reports the cause of a failed attempt to the {@link ErrorListener} and throws only a
 * generic "Unable to connect" exception. Turns a failed connect into a
 * {@link NatsConnectionException} with the real reason.
 */
class ConnectFailureRecorder implements ErrorListener {

	private volatile String lastError;

	private volatile Exception lastException;

	@Override
	public void errorOccurred(Connection connection, String error) {
		this.lastError = error;
	}

	@Override
	public void exceptionOccurred(Connection connection, Exception exception) {
		this.lastException = exception;
	}

	NatsConnectionException toConnectionException(String connection, IOException failure, List<String> servers,
			NatsAuthenticationMethod authentication, String tls) {
		Throwable tlsFailure = findTlsFailure(failure, this.lastException);
		String error = this.lastError;
		if (failure instanceof AuthenticationException || isAuthorizationError(error)) {
			String detail = StringUtils.hasText(error) ? error : failure.getMessage();
			return new NatsConnectionException(connection, NatsConnectionException.Reason.AUTHORIZATION, servers,
					authentication, tls, detail, failure);
		}
		if (tlsFailure != null) {
			return new NatsConnectionException(connection, NatsConnectionException.Reason.TLS, servers,
					authentication, tls, tlsFailure.getMessage(), tlsFailure);
		}
		Exception last = this.lastException;
		String detail = describe((last != null) ? last : failure, tls, connection);
		return new NatsConnectionException(connection, NatsConnectionException.Reason.UNREACHABLE, servers,
				authentication, tls, detail, (last != null) ? last : failure);
	}

	private static String describe(Exception failure, String tls, String connection) {
		Throwable cause = (failure instanceof ExecutionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof TimeoutException) {
			return "the server did not complete the connection within "
					+ NatsConnectionNames.propertyPrefix(connection) + "connection-timeout"
					+ ((tls != null) ? "; with TLS (" + tls + "), a server that verifies client certificates "
							+ "(mutual TLS) also ends connections that present none or an untrusted one" : "");
		}
		return StringUtils.hasText(cause.getMessage()) ? cause.getMessage() : cause.toString();
	}

	private static boolean isAuthorizationError(String error) {
		if (error == null) {
			return false;
		}
		String lower = error.toLowerCase(Locale.ROOT);
		return lower.contains("authorization") || lower.contains("authentication");
	}

	private static Throwable findTlsFailure(Throwable... candidates) {
		for (Throwable candidate : candidates) {
			for (Throwable current = candidate; current != null; current = current.getCause()) {
				if (current instanceof SSLException || current instanceof GeneralSecurityException
						|| isTlsMismatch(current.getMessage())) {
					return current;
				}
				if (current.getCause() == current) {
					break;
				}
			}
		}
		return null;
	}

	private static boolean isTlsMismatch(String message) {
		return message != null && (message.contains("SSL required by server")
				|| message.contains("SSL connection wanted by client"));
	}

}
