package io.github.natsboot.devserver;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsboot.devserver.NatsDevServerException.Reason;
import io.github.natsboot.launcher.NatsServerExecutableLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NatsDevServerLauncherTests {

	private static final NatsDevServerSettings DEFAULTS = new NatsDevServerSettings(null, 0, null, "nats:2.10");

	@TempDir
	Path emptyDirectory;

	@Test
	void executableFoundOnThePathRunsAsAProcessAndTheContainerIsNotAskedFor() {
		FakeContainers containers = new FakeContainers(null);
		try (NatsDevServer server = new NatsDevServerLauncher(DEFAULTS, NatsServerExecutableLocator.create(),
				containers)
			.start()) {
			assertThat(server).isInstanceOf(ProcessNatsDevServer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getUrl()).startsWith("nats://127.0.0.1:").doesNotEndWith(":4222");
			assertThat(containers.started).hasValue(0);
		}
	}

	@Test
	void noExecutableButAContainerRuntimeStartsAContainer() {
		FakeContainers containers = new FakeContainers(null);
		NatsDevServer server = new NatsDevServerLauncher(DEFAULTS, nothingInstalled(), containers).start();
		assertThat(server).isSameAs(containers.server);
		assertThat(containers.started).hasValue(1);
	}

	@Test
	void noExecutableAndNoContainerRuntimeFailsNamingWhereItLookedAndWhyNoContainer() {
		FakeContainers containers = new FakeContainers("Testcontainers found no running Docker engine");
		assertThatExceptionOfType(NatsDevServerException.class)
			.isThrownBy(() -> new NatsDevServerLauncher(DEFAULTS, nothingInstalled(), containers).start())
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_INSTALLED))
			.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("no nats-server executable found (looked on PATH "
					+ "and in [/no/such/sbin]) and no container fallback (Testcontainers found no running Docker engine)"));
		assertThat(containers.started).hasValue(0);
	}

	@Test
	void wrongConfiguredExecutableFailsEvenWhenAContainerCouldRun() {
		FakeContainers containers = new FakeContainers(null);
		NatsDevServerSettings settings = new NatsDevServerSettings("/no/such/nats-server", 0, null, "nats:2.10");
		assertThatExceptionOfType(NatsDevServerException.class)
			.isThrownBy(() -> new NatsDevServerLauncher(settings, NatsServerExecutableLocator.create(), containers)
				.start())
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_EXECUTABLE))
			.satisfies((ex) -> assertThat(ex.getDetail())
				.isEqualTo("nats.dev-server.executable=/no/such/nats-server is not an executable file"));
		assertThat(containers.started).hasValue(0);
	}

	@Test
	void withoutTestcontainersOnTheClassPathNoContainerIsOffered() {
		TestcontainersNatsDevServerContainers containers = new TestcontainersNatsDevServerContainers(
				new FilteredClassLoader(DockerClientFactory.class));
		assertThat(containers.unavailableReason())
			.isEqualTo("Testcontainers (org.testcontainers:testcontainers) is not on the class path");
	}

	private NatsServerExecutableLocator nothingInstalled() {
		return NatsServerExecutableLocator.create()
			.searchIn(this.emptyDirectory.toString(), List.of(Path.of("/no/such/sbin")));
	}

	private static final class FakeContainers implements NatsDevServerContainers {

		private final String unavailableReason;

		private final AtomicInteger started = new AtomicInteger();

		private final NatsDevServer server = new NatsDevServer() {

			@Override
			public String getUrl() {
				return "nats://localhost:32768";
			}

			@Override
			public boolean isRunning() {
				return true;
			}

			@Override
			public void close() {
			}

		};

		FakeContainers(String unavailableReason) {
			this.unavailableReason = unavailableReason;
		}

		@Override
		public String unavailableReason() {
			return this.unavailableReason;
		}

		@Override
		public NatsDevServer start(NatsDevServerSettings settings) {
			this.started.incrementAndGet();
			return this.server;
		}

	}

}
