package io.github.natsboot.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerSpecTests {

	@TempDir
	Path temp;

	@Test
	void containerRunsTheSameArgumentsAsTheUserThatOwnsTheWorkDirectory() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("work"));
		Path store = Files.createDirectory(this.temp.resolve("store"));
		List<String> arguments = List.of("-c", work.resolve("nats-server.conf").toString(), "-l",
				work.resolve("nats-server.log").toString(), "--trace");
		ContainerSpec spec = ContainerSpec.of("nats:2.10",
				new ServerRuntime.Launch(arguments, List.of(work, store), work.resolve("nats-server.log"), true));
		assertThat(spec.image()).isEqualTo("nats:2.10");
		assertThat(spec.command()).isEqualTo(arguments);
		assertThat(spec.mounts()).containsExactly(work, store);
		assertThat(spec.user()).isEqualTo(run("id", "-u") + ":" + run("id", "-g"));
	}

	@Test
	void containerUsesHostNetworkingAndMountsEveryDirectoryAtTheSamePath() throws IOException {
		Path work = Files.createDirectory(this.temp.resolve("work"));
		Path store = Files.createDirectory(this.temp.resolve("store"));
		ContainerSpec spec = new ContainerSpec("nats:2.10", List.of("-c", work.resolve("nats-server.conf").toString()),
				List.of(work, store), "1000:1000");
		GenericContainer<?> container = ContainerServerRuntime.container(spec, work.resolve("nats-server.log"));
		assertThat(container.getNetworkMode()).isEqualTo("host");
		assertThat(container.getExposedPorts()).isEmpty();
		assertThat(container.getCommandParts()).containsExactly("-c", work.resolve("nats-server.conf").toString());
		assertThat(container.getBinds()).extracting(Bind::getPath, (bind) -> bind.getVolume().getPath(),
				Bind::getAccessMode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(work.toString(), work.toString(), AccessMode.rw),
					org.assertj.core.groups.Tuple.tuple(store.toString(), store.toString(), AccessMode.rw));
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		process.waitFor();
		return output;
	}

}
