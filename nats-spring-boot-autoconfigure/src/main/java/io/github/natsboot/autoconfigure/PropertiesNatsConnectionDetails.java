package io.github.natsboot.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * {@link NatsConnectionDetails} backed by {@link NatsProperties}.
 */
public class PropertiesNatsConnectionDetails implements NatsConnectionDetails {

	private final NatsProperties properties;

	private final SslBundles sslBundles;

	/**
	 * Create details from the given properties.
	 * @param properties the NATS properties, with at most one authentication method
	 * @param sslBundles the SSL bundles to look the configured bundle up in, may be
	 * {@code null} when no bundle is configured
	 */
	public PropertiesNatsConnectionDetails(NatsProperties properties, SslBundles sslBundles) {
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put("nats.username", properties.getUsername());
			entries.put("nats.token", properties.getToken());
			entries.put("nats.credentials", properties.getCredentials());
			entries.put("nats.nkey", properties.getNkey());
		});
		this.properties = properties;
		this.sslBundles = sslBundles;
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
			throw new IllegalStateException("nats.ssl.bundle is set to '" + bundle + "' but no SslBundles bean is available");
		}
		return this.sslBundles.getBundle(bundle);
	}

}
