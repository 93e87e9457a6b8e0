package io.github.natsboot.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;

/**
 * Details required to establish a connection to NATS: where the servers are and how to
 * authenticate. Backed by {@code nats.*} properties unless a Testcontainers container,
 * the dev server or a user bean supplies another implementation.
 */
public interface NatsConnectionDetails extends ConnectionDetails {

	/**
	 * Server URLs to connect to.
	 * @return the server URLs, never empty
	 */
	List<String> getServers();

	/**
	 * User name to authenticate with.
	 * @return the user name or {@code null}
	 */
	default String getUsername() {
		return null;
	}

	/**
	 * Password to authenticate with.
	 * @return the password or {@code null}
	 */
	default String getPassword() {
		return null;
	}

	/**
	 * Token to authenticate with.
	 * @return the token or {@code null}
	 */
	default String getToken() {
		return null;
	}

	/**
	 * Credentials file (user JWT and nkey seed) to authenticate with.
	 * @return the credentials resource or {@code null}
	 */
	default Resource getCredentials() {
		return null;
	}

	/**
	 * NKey seed to authenticate with.
	 * @return the seed or {@code null}
	 */
	default String getNkey() {
		return null;
	}

	/**
	 * SSL bundle to connect with.
	 * @return the bundle or {@code null} to use the JVM defaults when TLS is enabled
	 */
	default SslBundle getSslBundle() {
		return null;
	}

}
