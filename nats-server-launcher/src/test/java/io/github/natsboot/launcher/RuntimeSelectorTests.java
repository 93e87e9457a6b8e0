package io.github.natsboot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuntimeSelectorTests {

	private static final String IMAGE = "nats:2.10";

	@TempDir
	Path temp;

	private final FakeContainers containers = new FakeContainers(null);

	@Test
	void givenExecutableRunsAsALocalProcessWithoutLookingForAnother() {
		Path executable = Path.of("/opt/nats/nats-server");
		ServerRuntime runtime = new RuntimeSelector(this.containers).select(executable, nothingInstalled(), IMAGE);
		assertThat(runtime).isInstanceOfSatisfying(ProcessServerRuntime.class,
				(process) -> assertThat(process.executable()).isEqualTo(executable));
		assertThat(this.containers.asked).isEmpty();
	}

	@Test
	void foundExecutableRunsAsALocalProcessEvenWhenContainersCouldRun() throws IOException {
		Path executable = executable(this.temp);
		ServerRuntime runtime = new RuntimeSelector(this.containers)
			.select(null, NatsServerExecutableLocator.create().searchIn(this.temp.toString(), List.of()), IMAGE);
		assertThat(runtime).isInstanceOfSatisfying(ProcessServerRuntime.class,
				(process) -> assertThat(process.executable()).isEqualTo(executable));
		assertThat(runtime.isContainer()).isFalse();
		assertThat(this.containers.asked).isEmpty();
	}

	@Test
	void noExecutableFoundRunsTheImageInAContainerWhenContainersCanRun() {
		ServerRuntime runtime = new RuntimeSelector(this.containers).select(null, nothingInstalled(), "nats:2.11");
		assertThat(runtime).isSameAs(this.containers.runtime);
		assertThat(this.containers.asked).containsExactly("nats:2.11");
	}

	@Test
	void noExecutableAndNoContainerFailsWithTheInstallInstructionsAndWhyNoContainerCanRun() {
		FakeContainers noDocker = new FakeContainers("Testcontainers found no running Docker engine");
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> new RuntimeSelector(noDocker).select(null,
					nothingInstalled().configurationHint("set nats.server.executable"), IMAGE))
			.satisfies((ex) -> assertThat(ex.isConfigured()).isFalse())
			.satisfies((ex) -> assertThat(ex.getContainerUnavailableReason())
				.isEqualTo("Testcontainers found no running Docker engine"))
			.withMessageContaining("No nats-server executable found (looked on PATH and in [/no/such/sbin])")
			.withMessageContaining("sudo apt-get install nats-server")
			.withMessageContaining("set nats.server.executable")
			.withMessageContaining("Docker on Linux")
			.withMessageEndingWith("is not possible here: Testcontainers found no running Docker engine.");
		assertThat(noDocker.asked).isEmpty();
	}

	@Test
	void wrongConfiguredExecutableFailsEvenWhenAContainerCouldRun() {
		NatsServerExecutableLocator locator = nothingInstalled().configured("system property nats.server.executable",
				"/no/such/nats-server");
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> new RuntimeSelector(this.containers).select(null, locator, IMAGE))
			.satisfies((ex) -> assertThat(ex.isConfigured()).isTrue())
			.satisfies((ex) -> assertThat(ex.getContainerUnavailableReason()).isNull())
			.withMessageContaining("system property nats.server.executable=/no/such/nats-server");
		assertThat(this.containers.asked).isEmpty();
	}

	@Test
	void withoutAnImageNoContainerIsTried() {
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> new RuntimeSelector(this.containers).select(null, nothingInstalled(), null))
			.satisfies((ex) -> assertThat(ex.getContainerUnavailableReason()).isNull())
			.withMessageContaining("sudo apt-get install nats-server");
		assertThat(this.containers.asked).isEmpty();
	}

	private NatsServerExecutableLocator nothingInstalled() {
		return NatsServerExecutableLocator.create().searchIn(this.temp.toString(), List.of(Path.of("/no/such/sbin")));
	}

	private static Path executable(Path directory) throws IOException {
		Path executable = directory.resolve("nats-server");
		Files.writeString(executable, "#!/bin/sh\n");
		Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
		return executable;
	}

	/**
	 * Containers that can or cannot run, recording the images asked for.
	 */
	static final class FakeContainers implements ContainerEngine {

		final ServerRuntime runtime;

		final List<String> asked = new ArrayList<>();

		private final String unavailableReason;

		FakeContainers(String unavailableReason) {
			this(unavailableReason, new ProcessServerRuntime(Path.of("/unused")));
		}

		FakeContainers(String unavailableReason, ServerRuntime runtime) {
			this.unavailableReason = unavailableReason;
			this.runtime = runtime;
		}

		@Override
		public String unavailableReason() {
			return this.unavailableReason;
		}

		@Override
		public ServerRuntime runtime(String image) {
			this.asked.add(image);
			return this.runtime;
		}

	}

}
