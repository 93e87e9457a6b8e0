package io.github.natsboot.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEngineTests {

	private static final DockerEngine.Engine LOCAL_ENGINE = new DockerEngine.Engine("Debian GNU/Linux 12 (bookworm)",
			false, "localhost");

	@Test
	void hostNetworkingWorksWithALocalEngineOnLinux() {
		assertThat(DockerEngine.hostNetworkUnavailableReason("Linux", LOCAL_ENGINE)).isNull();
		assertThat(DockerEngine.hostNetworkUnavailableReason("Linux",
				new DockerEngine.Engine("Ubuntu 24.04 LTS", false, "127.0.0.1")))
			.isNull();
	}

	@Test
	void hostNetworkingNeedsTheJvmOnLinux() {
		assertThat(DockerEngine.hostNetworkUnavailableReason("Mac OS X", LOCAL_ENGINE))
			.isEqualTo("host networking needs Docker on this Linux machine, and this JVM runs on Mac OS X");
	}

	@Test
	void hostNetworkingDoesNotReachTheHostFromDockerDesktop() {
		assertThat(DockerEngine.hostNetworkUnavailableReason("Linux",
				new DockerEngine.Engine("Docker Desktop", false, "localhost")))
			.isEqualTo("host networking needs Docker on this Linux machine, and Docker Desktop runs containers in a "
					+ "virtual machine");
	}

	@Test
	void hostNetworkingDoesNotReachTheHostFromRootlessDocker() {
		assertThat(DockerEngine.hostNetworkUnavailableReason("Linux",
				new DockerEngine.Engine("Debian GNU/Linux 12 (bookworm)", true, "localhost")))
			.contains("rootless Docker");
	}

	@Test
	void hostNetworkingDoesNotReachThisMachineFromARemoteEngine() {
		assertThat(DockerEngine.hostNetworkUnavailableReason("Linux",
				new DockerEngine.Engine("Debian GNU/Linux 12 (bookworm)", false, "docker.ci.internal")))
			.isEqualTo("host networking needs Docker on this Linux machine, and the Docker engine is at "
					+ "docker.ci.internal");
	}

	@Test
	void withoutTestcontainersOnTheClassPathNoContainerCanRun() {
		ClassLoader bootstrapOnly = new ClassLoader(null) {
		};
		String reason = "Testcontainers (org.testcontainers:testcontainers) is not on the class path";
		assertThat(DockerEngine.unavailableReason(bootstrapOnly)).isEqualTo(reason);
		assertThat(DockerEngine.hostNetworkUnavailableReason(bootstrapOnly)).isEqualTo(reason);
	}

}
