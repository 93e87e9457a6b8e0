package io.github.natsboot.leader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.leader.NatsLeaderAutoConfiguration;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LeaderOnly @LeaderOnly} methods in three applications on one real
 * {@code nats-server}.
 */
@EmbeddedNats
class LeaderOnlyIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void scheduledLeaderOnlyMethodsRunOnlyOnTheLeaderAndMoveWithLeadership(NatsServer server) {
		List<ConfigurableApplicationContext> applications = new ArrayList<>();
		try {
			for (int i = 1; i <= 3; i++) {
				applications.add(start(server, "node-" + i));
			}
			ConfigurableApplicationContext leader = awaitLeader(applications, null);
			applications.forEach((application) -> application.getBean(Ticker.class).reset());
			await().atMost(WAIT).until(() -> leader.getBean(Ticker.class).ticks() >= 10);
			for (ConfigurableApplicationContext application : applications) {
				Ticker ticker = application.getBean(Ticker.class);
				if (application == leader) {
					assertThat(ticker.report()).isEqualTo("report");
					assertThat(ticker.answer()).isEqualTo(42);
					assertThat(application.getBean(Grants.class).tokens()).hasSize(1);
				}
				else {
					assertThat(ticker.ticks()).isZero();
					assertThat(ticker.report()).isNull();
					assertThat(ticker.answer()).isZero();
					assertThat(application.getBean(Grants.class).tokens()).isEmpty();
				}
			}
			long closing = System.nanoTime();
			leader.close();
			applications.remove(leader);
			ConfigurableApplicationContext next = awaitLeader(applications, leader);
			Duration handover = Duration.ofNanos(System.nanoTime() - closing);
			System.out.println("Leader election: closing the leader's application handed @LeaderOnly over in "
					+ handover.toMillis() + " ms");
			assertThat(handover).isLessThan(Duration.ofSeconds(1));
			int ticksOfNext = next.getBean(Ticker.class).ticks();
			await().atMost(WAIT).until(() -> next.getBean(Ticker.class).ticks() >= ticksOfNext + 10);
			applications.stream()
				.filter((application) -> application != next)
				.forEach((application) -> assertThat(application.getBean(Ticker.class).ticks()).isZero());
		}
		finally {
			applications.forEach(ConfigurableApplicationContext::close);
		}
	}

	@Test
	void aLeaderOnlyMethodOfAnotherGroupRunsOnceThatGroupsElectionIsCreated(NatsServer server) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsLeaderAutoConfiguration.class))
			.withBean(Reports.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.leader.enabled=true",
					"nats.leader.group=main", "nats.leader.bucket=leader-only-groups", "nats.leader.ttl=2s",
					"reports.group=reports")
			.run((context) -> {
				Reports reports = context.getBean(Reports.class);
				assertThatIllegalStateException().isThrownBy(reports::render)
					.withMessageContaining("no leader election of group 'reports'")
					.withMessageContaining("createElection(\"reports\")");
				NatsLeaderElection election = context.getBean(NatsLeaderElectionRegistry.class)
					.createElection("reports");
				await().atMost(WAIT).until(election::isLeader);
				assertThat(reports.render()).isEqualTo("rendered");
			});
	}

	private static ConfigurableApplicationContext start(NatsServer server, String nodeId) {
		return new SpringApplicationBuilder(TickerConfiguration.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.properties("nats.servers=" + server.getUrl(), "nats.leader.enabled=true", "nats.leader.group=ticker",
					"nats.leader.bucket=leader-only", "nats.leader.node-id=" + nodeId, "nats.leader.ttl=2s",
					"nats.leader.retry-interval=500ms", "spring.main.log-startup-info=false")
			.run();
	}

	private static ConfigurableApplicationContext awaitLeader(List<ConfigurableApplicationContext> applications,
			ConfigurableApplicationContext former) {
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> leaders(applications).size() == 1 && leaders(applications).get(0) != former);
		return leaders(applications).get(0);
	}

	private static List<ConfigurableApplicationContext> leaders(List<ConfigurableApplicationContext> applications) {
		return applications.stream()
			.filter((application) -> application.getBean(NatsLeaderElection.class).isLeader())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ImportAutoConfiguration({ NatsAutoConfiguration.class, NatsLeaderAutoConfiguration.class })
	static class TickerConfiguration {

		@Bean
		Ticker ticker() {
			return new Ticker();
		}

		@Bean
		Grants grants() {
			return new Grants();
		}

	}

	static class Ticker {

		private final AtomicInteger ticks = new AtomicInteger();

		public int ticks() {
			return this.ticks.get();
		}

		public void reset() {
			this.ticks.set(0);
		}

		@Scheduled(fixedRate = 20)
		@LeaderOnly
		public void tick() {
			this.ticks.incrementAndGet();
		}

		@LeaderOnly
		public String report() {
			return "report";
		}

		@LeaderOnly
		public int answer() {
			return 42;
		}

	}

	static class Grants {

		private final List<Long> tokens = new CopyOnWriteArrayList<>();

		public List<Long> tokens() {
			return this.tokens;
		}

		@EventListener
		public void granted(LeadershipGrantedEvent event) {
			this.tokens.add(event.getFencingToken());
		}

	}

	static class Reports {

		@LeaderOnly(group = "${reports.group}")
		public String render() {
			return "rendered";
		}

	}

}
