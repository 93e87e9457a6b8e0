package io.github.natsboot.autoconfigure.devserver;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.github.natsboot.devserver.NatsDevServer;
import io.github.natsboot.devserver.NatsDevServerLauncher;
import io.github.natsboot.launcher.NatsServerProcess;
import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of the NATS dev server: with {@code nats.dev-server.enabled=true}, no {@code nats.servers} and
 * no other {@link NatsConnectionDetails} (such as a Testcontainers service connection), a local
 * {@code nats-server} with JetStream is started before the connection and the connection points at
 * it. The server is closed when the context is destroyed, after the connection has drained.
 *
 * <p>So that this order also holds when the JVM exits (Ctrl-C on {@code spring-boot:run}), the
 * context gets a JVM shutdown hook of its own ({@link ConfigurableApplicationContext#registerShutdownHook()},
 * harmless next to Spring Boot's) and the server is stopped by the context rather than by a
 * concurrent hook of the launcher.
 */
@AutoConfiguration(before = NatsAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, NatsServerProcess.class })
@ConditionalOnBooleanProperty("nats.dev-server.enabled")
@Conditional(NoExplicitNatsServersCondition.class)
@ConditionalOnMissingBean(NatsConnectionDetails.class)
@EnableConfigurationProperties(NatsDevServerProperties.class)
public final class NatsDevServerAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	NatsDevServer natsDevServer(NatsDevServerProperties properties, ApplicationContext applicationContext) {
		boolean closedWithContext = applicationContext instanceof ConfigurableApplicationContext;
		if (closedWithContext) {
			((ConfigurableApplicationContext) applicationContext).registerShutdownHook();
		}
		return new NatsDevServerLauncher(properties.toSettings(), NatsDevServerAutoConfiguration.class.getClassLoader())
			.stopOnJvmExit(!closedWithContext)
			.start();
	}

	@Bean
	DevServerNatsConnectionDetails natsConnectionDetails(NatsDevServer natsDevServer) {
		return new DevServerNatsConnectionDetails(natsDevServer);
	}

}
