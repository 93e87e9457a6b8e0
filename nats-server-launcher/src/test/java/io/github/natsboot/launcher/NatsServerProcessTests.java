package io.github.natsboot.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class NatsServerProcessTests {

	@Test
	void startedServerHasJetStreamOnAndItsPortIsFreeAgainAfterClose() {
		NatsServerProcess server = NatsServerProcess.builder().start();
		int port = server.getPort();
		Path workFiles = server.getLogFile().getParent();
		try {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getUrl()).isEqualTo("nats://127.0.0.1:" + port);
			MonitorEndpoint.Response jsz = server.monitor().get("/jsz");
			assertThat(jsz.isOk()).isTrue();
			assertThat(jsz.body()).contains(server.getStoreDir().toString());
		}
		finally {
			server.close();
		}
		assertThat(server.isRunning()).isFalse();
		assertThat(workFiles).doesNotExist();
		assertThatNoException().isThrownBy(() -> bind(port));
	}

	@Test
	void missingExecutableFailsBeforeAnythingStarts() {
		assertThatExceptionOfType(NatsServerLaunchException.class)
			.isThrownBy(() -> NatsServerProcess.builder().executable(Path.of("/no/such/nats-server")).start())
			.withMessageContaining("Could not run /no/such/nats-server");
	}

	@Test
	void withoutAnExecutableTheServerRunsWhereTheContainerFallbackSays() {
		ServerRuntime installed = new ProcessServerRuntime(NatsServerExecutableLocator.create().locate());
		RuntimeSelectorTests.FakeContainers containers = new RuntimeSelectorTests.FakeContainers(null, installed);
		try (NatsServerProcess server = NatsServerProcess.builder()
			.locator(nothingInstalled())
			.containers(containers)
			.start()) {
			assertThat(containers.asked).containsExactly(NatsServerProcess.DEFAULT_CONTAINER_IMAGE);
			assertThat(server.monitor().get("/healthz").isOk()).isTrue();
		}
	}

	@Test
	void withoutAnExecutableOrContainersNothingStartsAndTheErrorSaysWhatToInstall() {
		RuntimeSelectorTests.FakeContainers containers = new RuntimeSelectorTests.FakeContainers(
				"Testcontainers found no running Docker engine");
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> NatsServerProcess.builder().locator(nothingInstalled()).containers(containers).start())
			.withMessageContaining("sudo apt-get install nats-server")
			.withMessageContaining("Testcontainers found no running Docker engine");
	}

	private static NatsServerExecutableLocator nothingInstalled() {
		return NatsServerExecutableLocator.create().searchIn(null, List.of(Path.of("/no/such/sbin")));
	}

	private static void bind(int port) throws IOException {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(NatsServerProcess.LOOPBACK))) {
			assertThat(socket.isBound()).isTrue();
		}
	}

}
