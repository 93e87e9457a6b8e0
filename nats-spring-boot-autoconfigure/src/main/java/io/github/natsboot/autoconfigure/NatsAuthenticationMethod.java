package io.github.natsboot.autoconfigure;

import org.springframework.util.StringUtils;

/**
 * The way a connection authenticates, described without revealing any secret.
 */
public enum NatsAuthenticationMethod {

	/**
	 * No credentials are sent.
	 */
	NONE("no credentials", "nats.username and nats.password, nats.token, nats.credentials or nats.nkey"),

	/**
	 * User name and password.
	 */
	USER_PASSWORD("user name and password", "nats.username and nats.password"),

	/**
	 * A token.
	 */
	TOKEN("token", "nats.token"),

	/**
	 * A credentials file holding a user JWT and its nkey seed.
	 */
	CREDENTIALS("credentials file", "nats.credentials"),

	/**
	 * An nkey seed.
	 */
	NKEY("nkey", "nats.nkey");

	private final String description;

	private final String properties;

	NatsAuthenticationMethod(String description, String properties) {
		this.description = description;
		this.properties = properties;
	}

	/**
	 * Human-readable name of the method.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * The properties that configure this method on the default connection.
	 * @return the property names
	 */
	public String getProperties() {
		return this.properties;
	}

	/**
	 * The properties that configure this method on a connection.
	 * @param connection the connection's name
	 * @return the property names, under that connection's prefix
	 */
	public String getProperties(String connection) {
		return this.properties.replace("nats.", NatsConnectionNames.propertyPrefix(connection));
	}

	/**
	 * Determine the method the given connection details use.
	 * @param details the connection details
	 * @return the authentication method
	 */
	public static NatsAuthenticationMethod of(NatsConnectionDetails details) {
		if (details.getCredentials() != null) {
			return CREDENTIALS;
		}
		if (StringUtils.hasText(details.getNkey())) {
			return NKEY;
		}
		if (StringUtils.hasText(details.getToken())) {
			return TOKEN;
		}
		if (StringUtils.hasText(details.getUsername())) {
			return USER_PASSWORD;
		}
		return NONE;
	}

}
