package io.github.natsboot.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * {@link NatsConnectionDetails} backed by the properties of a connection.
 */
public class PropertiesNatsConnectionDetails implements NatsConnectionDetails {

	private final NatsConnectionProperties properties;

	private final SslBundles sslBundles;

	private final String propertyPrefix;

	/**
	 * Create details from the given properties.
	 * @param properties the NATS properties, with at most one authentication method
	 * @param sslBundles the SSL bundles to look the configured bundle up in, may be
	 * {@code null} when no bundle is configured
	 */
	public PropertiesNatsConnectionDetails(NatsConnectionProperties properties, SslBundles sslBundles) {
		this(properties, sslBundles, NatsConnectionNames.DEFAULT);
	}

	/**
	 * Create details from the given properties of a connection.
	 * @param properties the connection's properties, with at most one authentication method
	 * @param sslBundles the SSL bundles to look the configured bundle up in, may be
	 * {@code null} when no bundle is configured
	 * @param connection the connection's name, for messages that name its properties
	 */
	public PropertiesNatsConnectionDetails(NatsConnectionProperties properties, SslBundles sslBundles,
			String connection) {
		String prefix = NatsConnectionNames.propertyPrefix(connection);
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put(prefix + "username", properties.getUsername());
			entries.put(prefix + "token", properties.getToken());
			entries.put(prefix + "credentials", properties.getCredentials());
			entries.put(prefix + "nkey", properties.getNkey());
		});
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.propertyPrefix = prefix;
	}

	@Override
	public List<String> getServers() {
		return this.properties.getServers();
	}

	@Override
	public String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public String getToken() {
		return this.properties.getToken();
	}

	@Override
	public Resource getCredentials() {
		return this.properties.getCredentials();
	}

	@Override
	public String getNkey() {
		return this.properties.getNkey();
	}

	@Override
	public SslBundle getSslBundle() {
		String bundle = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(bundle)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new IllegalStateException(this.propertyPrefix + "ssl.bundle is set to '" + bundle + "' but no SslBundles bean is available");
		}
		return this.sslBundles.getBundle(bundle);
	}

}
