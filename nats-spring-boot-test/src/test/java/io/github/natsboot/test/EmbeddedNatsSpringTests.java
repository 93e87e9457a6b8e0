package io.github.natsboot.test;

import java.time.Duration;
import java.util.List;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(EmbeddedNatsSpringTests.EmptyConfiguration.class)
@EmbeddedNats
class EmbeddedNatsSpringTests {

	@Autowired
	private Environment environment;

	@Autowired
	private NatsCluster cluster;

	@Test
	void environmentHasTheServerUrlsAndTheClusterIsAutowired() throws Exception {
		assertThat(this.environment.getProperty("nats.servers")).isEqualTo(this.cluster.getUrls());
		try (Connection connection = Nats.connect(this.environment.getProperty("nats.servers"))) {
			connection.flush(Duration.ofSeconds(5));
		}
	}

	@Test
	void extensionResolvesParametersFromTheApplicationContext(NatsCluster parameter, NatsServer server,
			ApplicationContext context) {
		assertThat(parameter).isSameAs(this.cluster).isSameAs(context.getBean("embeddedNats"));
		assertThat(server).isSameAs(this.cluster.server());
	}

	@Test
	void onlyTheContextClusterIsRunning() {
		List<Long> childServers = ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().orElse("").endsWith("nats-server"))
			.map(ProcessHandle::pid)
			.toList();
		assertThat(childServers).containsExactly(this.cluster.server().getPid());
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
