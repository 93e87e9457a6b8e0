package io.github.natsboot.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs servers in containers, as when no executable is installed. Needs a Docker engine on this
 * Linux machine; skipped elsewhere.
 */
@EnabledIf(value = "containersCanRun", disabledReason = "nats-server containers need a Docker engine on this Linux machine")
class NatsServerProcessContainerIntegrationTests {

	static boolean containersCanRun() {
		return DockerEngine
			.hostNetworkUnavailableReason(NatsServerProcessContainerIntegrationTests.class.getClassLoader()) == null;
	}

	@Test
	void withoutAnExecutableTheServerRunsInAContainerThatIsPausedKilledAndRestartedLikeAProcess() throws IOException {
		NatsServerProcess server = NatsServerProcess.builder().locator(nothingInstalled()).start();
		int port = server.getPort();
		try {
			assertThat(server.isContainer()).isTrue();
			assertThat(server.getPid()).isPositive();
			assertThat(server.monitor().get("/jsz").body()).contains(server.getStoreDir().toString());
			assertThat(server.getLogFile()).content().contains("Server is ready");
			server.pause();
			assertThat(server.isPaused()).isTrue();
			assertThat(server.monitor().get("/healthz").isOk()).isFalse();
			server.resume();
			assertThat(server.isPaused()).isFalse();
			assertThat(server.monitor().get("/healthz").isOk()).isTrue();
			server.kill();
			assertThat(server.isRunning()).isFalse();
			server.restart();
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getPort()).isEqualTo(port);
			assertThat(server.monitor().get("/healthz").isOk()).isTrue();
			server.stop();
			assertThat(server.isRunning()).isFalse();
		}
		finally {
			server.close();
		}
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(NatsServerProcess.LOOPBACK))) {
			assertThat(socket.isBound()).isTrue();
		}
	}

	@Test
	void badConfigurationInAContainerFailsWithTheServerOutput() {
		NatsServerProcess.Builder builder = NatsServerProcess.builder()
			.locator(nothingInstalled())
			.config("no_such_setting {");
		assertThat(catchThrowable(builder::start))
			.isInstanceOf(NatsServerLaunchException.class)
			.hasMessageContaining("exited with code")
			.hasMessageContaining("container with host networking");
	}

	private static NatsServerExecutableLocator nothingInstalled() {
		return NatsServerExecutableLocator.create().searchIn(null, List.of(Path.of("/no/such/sbin")));
	}

}
