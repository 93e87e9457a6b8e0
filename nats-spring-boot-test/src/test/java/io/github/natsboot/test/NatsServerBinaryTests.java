package io.github.natsboot.test;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NatsServerBinaryTests {

	@Test
	void locateFindsTheInstalledServer() {
		assertThat(NatsServerBinary.locate()).isExecutable().hasFileName("nats-server");
	}

	@Test
	void locateWithABogusConfiguredPathFailsWithTheInstallInstructions() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServerBinary.locate(Path.of("/no/such/dir/nats-server")))
			.withMessageContaining("/no/such/dir/nats-server")
			.withMessageContaining("sudo apt-get install nats-server")
			.withMessageContaining("nats.server.executable")
			.withMessageContaining("NATS_SERVER_EXECUTABLE");
	}

	@Test
	void locateAcceptsTheDirectoryThatHoldsTheServer() {
		Path executable = NatsServerBinary.locate();
		assertThat(NatsServerBinary.locate(executable.getParent())).isEqualTo(executable);
	}

	@Test
	void bogusSystemPropertyFailsInsteadOfFallingBackToAnotherServer() {
		System.setProperty(NatsServerBinary.EXECUTABLE_PROPERTY, "/no/such/nats-server");
		try {
			assertThatIllegalStateException().isThrownBy(NatsServerBinary::locate)
				.withMessageContaining("system property nats.server.executable=/no/such/nats-server")
				.withMessageContaining("sudo apt-get install nats-server");
		}
		finally {
			System.clearProperty(NatsServerBinary.EXECUTABLE_PROPERTY);
		}
	}

	@Test
	void serverBuilderWithABogusExecutableFailsWithTheInstallInstructions() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServer.builder().executable(Path.of("/no/such/nats-server")).start())
			.withMessageContaining("sudo apt-get install nats-server");
	}

	@Test
	@DisabledIf("io.github.natsboot.test.NatsServerContainerIntegrationTests#containersCanRun")
	void withoutAnExecutableOrADockerEngineTheServerFailsWithTheInstallInstructions() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NatsServer.builder()
				.locator(NatsServerBinary.locator(null).searchIn(null, List.of(Path.of("/no/such/sbin"))))
				.start())
			.withMessageContaining("No nats-server executable found (looked on PATH and in [/no/such/sbin])")
			.withMessageContaining("sudo apt-get install nats-server")
			.withMessageContaining("NATS_SERVER_EXECUTABLE")
			.withMessageContaining("Docker on Linux");
	}

	@Test
	void containerImageIsTheSystemPropertyWhenSetAndNats210Otherwise() {
		assertThat(NatsServerBinary.containerImage()).isEqualTo(System.getenv().getOrDefault(NatsServerBinary.IMAGE_ENV,
				"nats:2.10"));
		System.setProperty(NatsServerBinary.IMAGE_PROPERTY, "registry.local/nats:2.11");
		try {
			assertThat(NatsServerBinary.containerImage()).isEqualTo("registry.local/nats:2.11");
		}
		finally {
			System.clearProperty(NatsServerBinary.IMAGE_PROPERTY);
		}
	}

}
