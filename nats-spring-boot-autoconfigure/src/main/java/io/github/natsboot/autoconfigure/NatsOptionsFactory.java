package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import io.nats.client.AuthHandler;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Builds jnats {@link Options} from a connection's properties and
 * {@link NatsConnectionDetails}, then applies the {@link NatsOptionsCustomizer}s.
 */
class NatsOptionsFactory {

	private final NatsConnectionProperties properties;

	private final NatsConnectionDetails connectionDetails;

	private final String connectionName;

	private final String propertyPrefix;

	NatsOptionsFactory(NatsConnectionProperties properties, NatsConnectionDetails connectionDetails,
			String connectionName, String propertyPrefix) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.connectionName = connectionName;
		this.propertyPrefix = propertyPrefix;
	}

	Options create(ConnectionListener connectionListener, ErrorListener errorListener,
			Stream<NatsOptionsCustomizer> customizers) {
		Options.Builder builder = new Options.Builder();
		applyServers(builder);
		applyAuthentication(builder);
		applySsl(builder);
		applyTuning(builder);
		builder.connectionListener(connectionListener).errorListener(errorListener);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private void applyServers(Options.Builder builder) {
		List<String> servers = this.connectionDetails.getServers();
		if (servers == null || servers.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(this.propertyPrefix + "servers", servers,
					"At least one server URL is required");
		}
		for (String server : servers) {
			try {
				builder.server(server);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(this.propertyPrefix + "servers", server,
						"Not a valid NATS server URL: " + ex.getMessage());
			}
		}
	}

	private void applyAuthentication(Options.Builder builder) {
		NatsConnectionDetails details = this.connectionDetails;
		PropertyMapper map = PropertyMapper.get();
		map.from(details::getUsername).whenHasText().to((user) -> builder.userInfo(user, details.getPassword()));
		map.from(details::getToken).whenHasText().to((token) -> builder.token(token.toCharArray()));
		map.from(details::getCredentials).as(this::credentialsAuthHandler).to(builder::authHandler);
		map.from(details::getNkey).whenHasText()
			.as((seed) -> Nats.staticCredentials(null, seed.trim().toCharArray()))
			.to(builder::authHandler);
	}

	private AuthHandler credentialsAuthHandler(Resource credentials) {
		try (InputStream content = credentials.getInputStream()) {
			return Nats.staticCredentials(StreamUtils.copyToByteArray(content));
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(this.propertyPrefix + "credentials",
					credentials.getDescription(),
					"The credentials file cannot be read: " + ex.getMessage());
		}
	}

	private void applySsl(Options.Builder builder) {
		SslBundle bundle = this.connectionDetails.getSslBundle();
		if (bundle != null) {
			builder.sslContext(bundle.createSslContext());
		}
		else if (this.properties.getSsl().isEnabled()) {
			builder.sslContext(defaultSslContext());
		}
	}

	private static SSLContext defaultSslContext() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JVM has no default SSLContext", ex);
		}
	}

	private void applyTuning(Options.Builder builder) {
		NatsConnectionProperties properties = this.properties;
		NatsReconnectProperties reconnect = properties.getReconnect();
		PropertyMapper map = PropertyMapper.get();
		map.from(this.connectionName).whenHasText().to(builder::connectionName);
		map.from(properties::getConnectionTimeout).to(builder::connectionTimeout);
		map.from(properties::getPingInterval).to(builder::pingInterval);
		map.from(properties::getMaxPingsOut).to(builder::maxPingsOut);
		map.from(properties::getInboxPrefix).whenHasText().to(builder::inboxPrefix);
		map.from(properties::isNoEcho).whenTrue().toCall(builder::noEcho);
		map.from(properties::isForceFlushOnRequest).whenFalse().toCall(builder::dontForceFlushOnRequest);
		map.from(reconnect::getMaxAttempts).to(builder::maxReconnects);
		map.from(reconnect::getWait).to(builder::reconnectWait);
		map.from(reconnect::getJitter).to(builder::reconnectJitter);
		map.from(reconnect::getBufferSize).as((size) -> size.toBytes()).to(builder::reconnectBufferSize);
	}

}
