package io.github.natsboot.launcher;

import java.util.List;

import com.github.dockerjava.api.model.Info;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine as Testcontainers sees it. Only loaded once Testcontainers is known to be on
 * the class path.
 */
final class TestcontainersDocker {

	private TestcontainersDocker() {
	}

	static boolean isAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	static DockerEngine.Engine engine() {
		DockerClientFactory docker = DockerClientFactory.instance();
		Info info = docker.getInfo();
		List<String> securityOptions = (info.getSecurityOptions() != null) ? info.getSecurityOptions() : List.of();
		boolean rootless = securityOptions.stream().anyMatch((option) -> option.contains("rootless"));
		return new DockerEngine.Engine(info.getOperatingSystem(), rootless, docker.dockerHostIpAddress());
	}

}
