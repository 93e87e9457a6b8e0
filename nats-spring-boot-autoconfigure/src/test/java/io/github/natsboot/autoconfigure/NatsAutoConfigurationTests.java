package io.github.natsboot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsboot.core.NatsConnectionFactory;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.NKey;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class NatsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, SslAutoConfiguration.class))
		.withUserConfiguration(RecordingConnectionFactoryConfiguration.class);

	@Test
	void connectionIsCreatedFromTheDefaultServerWhenNothingIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Connection.class).hasSingleBean(NatsConnectionLifecycle.class);
			Options options = options(context.getBean(RecordingConnectionFactory.class));
			assertThat(options.getServers()).extracting(Object::toString).containsExactly("nats://localhost:4222");
			assertThat(options.getMaxReconnect()).isEqualTo(-1);
			assertThat(options.getAuthHandler()).isNull();
			assertThat(options.getUsername()).isNull();
			assertThat(options.isTLSRequired()).isFalse();
		});
	}

	@Test
	void everyClusterUrlIsPassedToTheClient() {
		this.contextRunner.withPropertyValues("nats.servers=nats://a:4222,nats://b:4223,nats://c:4224")
			.run((context) -> assertThat(options(context).getServers()).extracting(Object::toString)
				.containsExactly("nats://a:4222", "nats://b:4223", "nats://c:4224"));
	}

	@Test
	void connectionNameDefaultsToTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=orders")
			.run((context) -> assertThat(options(context).getConnectionName()).isEqualTo("orders"));
	}

	@Test
	void explicitConnectionNameWinsOverTheApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=orders", "nats.connection-name=orders-eu")
			.run((context) -> assertThat(options(context).getConnectionName()).isEqualTo("orders-eu"));
	}

	@Test
	void userNameAndPasswordAreMapped() {
		this.contextRunner.withPropertyValues("nats.username=alice", "nats.password=s3cret").run((context) -> {
			Options options = options(context);
			assertThat(options.getUsername()).isEqualTo("alice");
			assertThat(options.getPassword()).isEqualTo("s3cret");
		});
	}

	@Test
	void tokenIsMapped() {
		this.contextRunner.withPropertyValues("nats.token=t0ken")
			.run((context) -> assertThat(options(context).getToken()).isEqualTo("t0ken"));
	}

	@Test
	void nkeySeedBecomesAnAuthHandlerThatSignsWithThatKey() throws Exception {
		NKey user = NKey.createUser(null);
		String seed = new String(user.getSeed());
		this.contextRunner.withPropertyValues("nats.nkey=" + seed).run((context) -> {
			Options options = options(context);
			assertThat(options.getAuthHandler()).isNotNull();
			assertThat(new String(options.getAuthHandler().getID())).isEqualTo(new String(user.getPublicKey()));
			assertThat(options.getAuthHandler().getJWT()).isNull();
		});
	}

	@Test
	void credentialsFileBecomesAnAuthHandlerWithItsJwt(@TempDir Path directory) throws Exception {
		Path credentials = TestOperator.create().writeUserCredentials(directory, true);
		this.contextRunner.withPropertyValues("nats.credentials=file:" + credentials).run((context) -> {
			Options options = options(context);
			assertThat(options.getAuthHandler()).isNotNull();
			assertThat(new String(options.getAuthHandler().getJWT())).startsWith("eyJ");
		});
	}

	@Test
	void unreadableCredentialsFileFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.credentials=classpath:missing.creds")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.credentials"));
	}

	@Test
	void twoAuthenticationMethodsAtOnceFailStartup() {
		this.contextRunner.withPropertyValues("nats.username=alice", "nats.token=t0ken")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MutuallyExclusiveConfigurationPropertiesException.class)
				.hasMessageContaining("nats.username")
				.hasMessageContaining("nats.token"));
	}

	@Test
	void tuningPropertiesAreMapped() {
		this.contextRunner
			.withPropertyValues("nats.connection-timeout=5s", "nats.ping-interval=10s", "nats.max-pings-out=3",
					"nats.inbox-prefix=_INBOX.orders.", "nats.no-echo=true", "nats.reconnect.max-attempts=7",
					"nats.reconnect.wait=750ms", "nats.reconnect.jitter=20ms", "nats.reconnect.buffer-size=1MB")
			.run((context) -> {
				Options options = options(context);
				assertThat(options.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(options.getPingInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(options.getMaxPingsOut()).isEqualTo(3);
				assertThat(options.getInboxPrefix()).isEqualTo("_INBOX.orders.");
				assertThat(options.isNoEcho()).isTrue();
				assertThat(options.getMaxReconnect()).isEqualTo(7);
				assertThat(options.getReconnectWait()).isEqualTo(Duration.ofMillis(750));
				assertThat(options.getReconnectJitter()).isEqualTo(Duration.ofMillis(20));
				assertThat(options.getReconnectBufferSize()).isEqualTo(1024 * 1024);
			});
	}

	@Test
	void requestsAreWrittenInBatchesUnlessForcedToFlush() {
		this.contextRunner.run((context) -> assertThat(options(context).forceFlushOnRequest()).isFalse());
		this.contextRunner.withPropertyValues("nats.force-flush-on-request=true")
			.run((context) -> assertThat(options(context).forceFlushOnRequest()).isTrue());
	}

	@Test
	void failFastIsPassedToTheConnectionFactory() {
		this.contextRunner.run((context) -> assertThat(context.getBean(RecordingConnectionFactory.class).failFast)
			.containsExactly(true));
		this.contextRunner.withPropertyValues("nats.fail-fast=false")
			.run((context) -> assertThat(context.getBean(RecordingConnectionFactory.class).failFast)
				.containsExactly(false));
	}

	@Test
	void sslEnabledWithoutBundleUsesTheJvmDefaultContext() {
		this.contextRunner.withPropertyValues("nats.ssl.enabled=true")
			.run((context) -> assertThat(options(context).getSslContext())
				.isSameAs(javax.net.ssl.SSLContext.getDefault()));
	}

	@Test
	void sslBundleProvidesTheSslContext() {
		this.contextRunner
			.withPropertyValues("nats.ssl.bundle=nats",
					"spring.ssl.bundle.pem.nats.truststore.certificate=classpath:tls/ca.pem")
			.run((context) -> {
				Options options = options(context);
				assertThat(options.isTLSRequired()).isTrue();
				assertThat(options.getSslContext()).isNotSameAs(javax.net.ssl.SSLContext.getDefault());
			});
	}

	@Test
	void unknownSslBundleFailsStartup() {
		this.contextRunner.withPropertyValues("nats.ssl.bundle=missing")
			.run((context) -> assertThat(context).getFailure().hasMessageContaining("missing"));
	}

	@Test
	void malformedServerUrlFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.servers=nats://bad host:4222")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.servers"));
	}

	@Test
	void customizersAreAppliedInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class)
			.withPropertyValues("nats.connection-name=from-properties")
			.run((context) -> assertThat(options(context).getConnectionName()).isEqualTo("second"));
	}

	@Test
	void userConnectionListenersAndErrorListenersReceiveEvents() {
		this.contextRunner.withUserConfiguration(UserListenersConfiguration.class).run((context) -> {
			Options options = options(context);
			Connection connection = mock(Connection.class);
			options.getConnectionListener().connectionEvent(connection, ConnectionListener.Events.CONNECTED, 1L, "x");
			options.getErrorListener().errorOccurred(connection, "boom");
			verify(context.getBean(ConnectionListener.class)).connectionEvent(connection,
					ConnectionListener.Events.CONNECTED, 1L, "x");
			verify(context.getBean(ErrorListener.class)).errorOccurred(connection, "boom");
		});
	}

	@Test
	void userConnectionBeanMakesTheAutoConfiguredOneBackOff() {
		this.contextRunner.withUserConfiguration(UserConnectionConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Connection.class).doesNotHaveBean(NatsConnectionLifecycle.class);
			assertThat(context.getBean(Connection.class)).isSameAs(context.getBean("userConnection"));
			assertThat(context.getBean(RecordingConnectionFactory.class).options).isEmpty();
		});
	}

	@Test
	void userConnectionDetailsReplaceTheProperties() {
		this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class)
			.withPropertyValues("nats.servers=nats://ignored:4222")
			.run((context) -> {
				Options options = options(context);
				assertThat(options.getServers()).extracting(Object::toString)
					.containsExactly("nats://container:4222");
				assertThat(options.getUsername()).isEqualTo("container-user");
			});
	}

	@Test
	void autoConfigurationBacksOffWithoutJnats() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Connection.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Connection.class)
				.doesNotHaveBean(NatsConnectionDetails.class));
	}

	private static Options options(org.springframework.context.ApplicationContext context) {
		return options(context.getBean(RecordingConnectionFactory.class));
	}

	private static Options options(RecordingConnectionFactory factory) {
		assertThat(factory.options).hasSize(1);
		return factory.options.get(0);
	}

	static class RecordingConnectionFactory implements NatsConnectionFactory {

		final List<Options> options = new ArrayList<>();

		final List<Boolean> failFast = new ArrayList<>();

		@Override
		public Connection connect(Options options, boolean failFast) {
			this.options.add(options);
			this.failFast.add(failFast);
			Connection connection = mock(Connection.class);
			given(connection.getOptions()).willReturn(options);
			return connection;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingConnectionFactoryConfiguration {

		@Bean
		RecordingConnectionFactory recordingConnectionFactory() {
			return new RecordingConnectionFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		NatsOptionsCustomizer second() {
			return (builder) -> builder.connectionName("second");
		}

		@Bean
		@Order(1)
		NatsOptionsCustomizer first() {
			return (builder) -> builder.connectionName("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserListenersConfiguration {

		@Bean
		ConnectionListener userConnectionListener() {
			return mock(ConnectionListener.class);
		}

		@Bean
		ErrorListener userErrorListener() {
			return mock(ErrorListener.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionConfiguration {

		@Bean
		Connection userConnection() {
			return mock(Connection.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		NatsConnectionDetails containerConnectionDetails() {
			return new NatsConnectionDetails() {

				@Override
				public List<String> getServers() {
					return List.of("nats://container:4222");
				}

				@Override
				public String getUsername() {
					return "container-user";
				}

				@Override
				public String getPassword() {
					return "container-password";
				}

			};
		}

	}

}
