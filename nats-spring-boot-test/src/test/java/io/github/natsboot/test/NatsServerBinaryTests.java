package io.github.natsboot.test;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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

}
