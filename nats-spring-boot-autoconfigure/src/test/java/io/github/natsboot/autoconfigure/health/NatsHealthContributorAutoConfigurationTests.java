package io.github.natsboot.autoconfigure.health;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.health.NatsHealthIndicator;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link NatsHealthContributorAutoConfiguration}, on a connection that never
 * reaches a server.
 */
class NatsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class,
				NatsHealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class));

	@Test
	void natsHealthContributorIsRegisteredForTheConnection() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.run((context) -> {
				assertThat(context).hasSingleBean(NatsHealthIndicator.class).hasBean("natsHealthIndicator");
				assertThat(context.getBean(HealthContributorRegistry.class).getContributor("nats"))
					.isSameAs(context.getBean(NatsHealthIndicator.class));
			});
	}

	@Test
	void healthIsDownWhileTheConnectionIsDisconnected() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.run((context) -> {
				Health health = context.getBean(NatsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("connection", "DISCONNECTED");
			});
	}

	@Test
	void backsOffWithoutAConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsHealthIndicator.class));
	}

	@Test
	void backsOffWhenTheConnectionIsNotASingleCandidate() {
		this.contextRunner.withBean("first", Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withBean("second", Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.run((context) -> assertThat(context).doesNotHaveBean(NatsHealthIndicator.class));
	}

	@Test
	void isDisabledWithTheManagementHealthProperty() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withPropertyValues("management.health.nats.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NatsHealthIndicator.class));
	}

	@Test
	void isDisabledWithTheDefaultHealthIndicators() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NatsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("natsHealthIndicator"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnNatsHealthIndicator() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withBean("natsHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(NatsHealthIndicator.class)
				.hasSingleBean(HealthIndicator.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesANatsHealthContributor() {
		this.contextRunner.withBean(Connection.class, NatsHealthContributorAutoConfigurationTests::disconnected)
			.withBean("natsHealthContributor", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(NatsHealthIndicator.class));
	}

	private static Connection disconnected() {
		Connection connection = mock(Connection.class);
		given(connection.getStatus()).willReturn(Connection.Status.DISCONNECTED);
		return connection;
	}

}
