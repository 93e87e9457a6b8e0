package io.github.natsboot.autoconfigure.leader;

import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.core.NatsLifecyclePhases;
import io.github.natsboot.leader.LeaderElectionSettings;
import io.github.natsboot.leader.LeaderElectionStatus.Role;
import io.github.natsboot.leader.LeaderOnly;
import io.github.natsboot.leader.LeaderOnlyBeanPostProcessor;
import io.github.natsboot.leader.NatsLeaderElection;
import io.github.natsboot.leader.NatsLeaderElectionRegistry;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link NatsLeaderAutoConfiguration}, on a connection that never reaches a
 * server.
 */
class NatsLeaderAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsLeaderAutoConfiguration.class))
		.withBean(Connection.class, () -> mock(Connection.class));

	@Test
	void leaderElectionIsOffByDefault() {
		this.contextRunner.withPropertyValues("spring.application.name=orders")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NatsLeaderElectionRegistry.class)
				.doesNotHaveBean(NatsLeaderElection.class)
				.hasSingleBean(LeaderOnlyBeanPostProcessor.class));
	}

	@Test
	void enablingLeaderElectionStartsTheElectionOfTheApplicationsGroup() {
		this.contextRunner.withPropertyValues("nats.leader.enabled=true", "spring.application.name=orders")
			.run((context) -> {
				assertThat(context).hasSingleBean(NatsLeaderElectionRegistry.class)
					.hasSingleBean(NatsLeaderElection.class);
				NatsLeaderElection election = context.getBean(NatsLeaderElection.class);
				assertThat(election.getGroup()).isEqualTo("orders");
				assertThat(election.isRunning()).isTrue();
				assertThat(election.isLeader()).isFalse();
				assertThat(election.getStatus().role()).isEqualTo(Role.FOLLOWER);
				assertThat(context.getBean(NatsLeaderElectionRegistry.class).getDefaultElection()).isSameAs(election);
			});
	}

	@Test
	void propertiesConfigureTheElection() {
		this.contextRunner
			.withPropertyValues("nats.leader.enabled=true", "spring.application.name=orders",
					"nats.leader.bucket=leases", "nats.leader.group=billing", "nats.leader.node-id=billing-1",
					"nats.leader.ttl=6s", "nats.leader.retry-interval=250ms")
			.run((context) -> {
				LeaderElectionSettings settings = context.getBean(NatsLeaderElectionRegistry.class)
					.getDefaultSettings();
				assertThat(settings.getBucket()).isEqualTo("leases");
				assertThat(settings.getGroup()).isEqualTo("billing");
				assertThat(settings.getNodeId()).isEqualTo("billing-1");
				assertThat(settings.getTtl()).isEqualTo(Duration.ofSeconds(6));
				assertThat(settings.getRenewInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.getRetryInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(context.getBean(NatsLeaderElection.class).getNodeId()).isEqualTo("billing-1");
			});
	}

	@Test
	void theRenewIntervalCanBeSet() {
		this.contextRunner
			.withPropertyValues("nats.leader.enabled=true", "nats.leader.group=billing",
					"nats.leader.renew-interval=500ms")
			.run((context) -> assertThat(
					context.getBean(NatsLeaderElectionRegistry.class).getDefaultSettings().getRenewInterval())
				.isEqualTo(Duration.ofMillis(500)));
	}

	@Test
	void aGroupIsRequired() {
		this.contextRunner.withPropertyValues("nats.leader.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("Leader election needs a group: set nats.leader.group or spring.application.name"));
	}

	@Test
	void aRenewIntervalTooLongForTheTtlFailsStartup() {
		this.contextRunner
			.withPropertyValues("nats.leader.enabled=true", "nats.leader.group=billing", "nats.leader.ttl=2s",
					"nats.leader.renew-interval=2s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Invalid nats.leader configuration")
				.hasMessageContaining("renew interval (PT2S) must be shorter than the ttl (PT2S)"));
	}

	@Test
	void anApplicationNameThatIsNoValidKeyNeedsAGroup() {
		this.contextRunner.withPropertyValues("nats.leader.enabled=true", "spring.application.name=Order Service")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("group 'Order Service' is not a valid key")
				.hasMessageContaining("unless nats.leader.group is set"));
	}

	@Test
	void leaderOnlyMethodsWithoutLeaderElectionFailStartup() {
		this.contextRunner.withBean(Reports.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("have @LeaderOnly methods but there is no leader election")
				.hasMessageContaining("nats.leader.enabled=true"));
	}

	@Test
	void leaderOnlyBeansAreProxiedWhenLeaderElectionIsEnabled() {
		this.contextRunner.withBean(Reports.class)
			.withPropertyValues("nats.leader.enabled=true", "nats.leader.group=billing")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Reports.class).render()).isNull();
			});
	}

	@Test
	void aUserDefinedRegistryReplacesTheAutoConfiguredOne() {
		this.contextRunner.withPropertyValues("nats.leader.enabled=true")
			.withBean("custom", NatsLeaderElectionRegistry.class,
					() -> new NatsLeaderElectionRegistry(mock(Connection.class),
							LeaderElectionSettings.builder().group("custom").build(),
							mock(ApplicationEventPublisher.class)))
			.run((context) -> {
				assertThat(context).hasSingleBean(NatsLeaderElectionRegistry.class).hasBean("custom");
				assertThat(context.getBean(NatsLeaderElection.class).getGroup()).isEqualTo("custom");
			});
	}

	@Test
	void leaderElectionNeedsAConnection() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NatsLeaderAutoConfiguration.class))
			.withPropertyValues("nats.leader.enabled=true", "nats.leader.group=billing")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NatsLeaderElectionRegistry.class));
	}

	@Test
	void leaderElectionStopsAfterTheListenersAndBeforeTheTemplate() {
		assertThat(NatsLeaderElectionRegistry.PHASE).isLessThan(NatsLifecyclePhases.LISTENERS)
			.isGreaterThan(NatsLifecyclePhases.TEMPLATE);
	}

	static class Reports {

		@LeaderOnly
		public String render() {
			return "rendered";
		}

	}

}
