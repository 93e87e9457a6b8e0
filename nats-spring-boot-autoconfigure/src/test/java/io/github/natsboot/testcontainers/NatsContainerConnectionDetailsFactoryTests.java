package io.github.natsboot.testcontainers;

import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NatsContainerConnectionDetailsFactory}, without Docker.
 */
class NatsContainerConnectionDetailsFactoryTests {

	@Test
	void serverUrlIsTheContainerHostAndTheMappedClientPort() {
		NatsConnectionDetails details = detailsFor(new StubbedNatsContainer("docker-host", 32781), "nats:2.10");
		assertThat(details.getServers()).containsExactly("nats://docker-host:32781");
		assertThat(details.getUsername()).isNull();
		assertThat(details.getPassword()).isNull();
		assertThat(details.getToken()).isNull();
		assertThat(details.getSslBundle()).isNull();
	}

	@Test
	void userAndPasswordComeFromTheServerCommand() {
		StubbedNatsContainer container = new StubbedNatsContainer("localhost", 4333);
		container.withCommand("-js", "--user", "demo", "--pass=s3cret");
		NatsConnectionDetails details = detailsFor(container, "nats:latest");
		assertThat(details.getUsername()).isEqualTo("demo");
		assertThat(details.getPassword()).isEqualTo("s3cret");
		assertThat(details.getToken()).isNull();
	}

	@Test
	void tokenComesFromTheAuthArgumentOfTheServerCommand() {
		StubbedNatsContainer container = new StubbedNatsContainer("localhost", 4333);
		container.withCommand("--auth", "t0ken", "-DV");
		assertThat(detailsFor(container, "mirror.local:5000/nats:2.10-alpine").getToken()).isEqualTo("t0ken");
	}

	@Test
	void containersOfOtherImagesAreNotNatsServers() {
		StubbedNatsContainer container = new StubbedNatsContainer("localhost", 4333);
		ContainerConnectionSource<Container<?>> source = TestContainerConnectionSources.of(container, "redis:7");
		assertThat(new NatsContainerConnectionDetailsFactory().getConnectionDetails(source)).isNull();
	}

	@Test
	void aContainerOfAnotherImageIsANatsServerWhenItsServiceConnectionIsNamedNats() {
		StubbedNatsContainer container = new StubbedNatsContainer("localhost", 4333);
		NatsContainerConnectionDetailsFactory factory = new NatsContainerConnectionDetailsFactory();
		assertThat(factory.getConnectionDetails(
				TestContainerConnectionSources.of(container, "example.org/platform/messaging:1.0", "nats")))
			.isNotNull();
		assertThat(factory.getConnectionDetails(
				TestContainerConnectionSources.of(container, "example.org/platform/messaging:1.0")))
			.isNull();
		assertThat(factory
			.getConnectionDetails(TestContainerConnectionSources.of(container, "nats:2.10", "platform-messaging")))
			.isNull();
	}

	@Test
	void factoryIsRegisteredForConnectionDetailsLookups() throws Exception {
		ContainerConnectionSource<Container<?>> source = TestContainerConnectionSources
			.of(new StubbedNatsContainer("localhost", 4333), "nats:2.10");
		assertThat(new ConnectionDetailsFactories(getClass().getClassLoader()).getConnectionDetails(source, true))
			.containsKey(NatsConnectionDetails.class);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static NatsConnectionDetails detailsFor(Container<?> container, String imageName) {
		ContainerConnectionSource source = TestContainerConnectionSources.of(container, imageName);
		NatsConnectionDetails details = new NatsContainerConnectionDetailsFactory().getConnectionDetails(source);
		assertThat(details).isNotNull();
		try {
			((InitializingBean) details).afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return details;
	}

}
