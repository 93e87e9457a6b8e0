package io.github.natsboot.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLayoutTests {

	private final List<ServerLayout> layouts = new ArrayList<>();

	@AfterEach
	void deleteWorkDirs() {
		this.layouts.forEach((layout) -> Directories.deleteRecursively(layout.workDir()));
	}

	@Test
	void unsetPortsAreFreeOnesAndTheNameFollowsTheClientPort() {
		ServerLayout layout = create(NatsServerProcess.builder());
		assertThat(layout.port()).isPositive();
		assertThat(layout.monitorPort()).isPositive().isNotEqualTo(layout.port());
		assertThat(layout.clusterPort()).isZero();
		assertThat(layout.name()).isEqualTo("nats-" + layout.port());
		assertThat(layout.url()).isEqualTo("nats://127.0.0.1:" + layout.port());
	}

	@Test
	void configFileAndLogFileComeBeforeTheExtraArguments() {
		ServerLayout layout = create(NatsServerProcess.builder().name("a").arg("-DV"));
		Path configFile = layout.workDir().resolve("nats-server.conf");
		assertThat(layout.launch().arguments()).containsExactly("-c", configFile.toString(), "-l",
				layout.logFile().toString(), "-DV");
		assertThat(layout.logFile()).hasParentRaw(layout.workDir());
		assertThat(configFile).content().contains("server_name: \"a\"");
	}

	@Test
	void routesMakeTheServerAClusterNodeOnAFreeRoutePortWithTheDefaultClusterName() {
		ServerLayout layout = create(NatsServerProcess.builder().routes(List.of("127.0.0.1:6222")));
		assertThat(layout.clusterPort()).isPositive();
		assertThat(layout.workDir().resolve("nats-server.conf")).content()
			.contains("name: \"nats-cluster\"")
			.contains("listen: \"127.0.0.1:" + layout.clusterPort() + "\"")
			.contains("\"nats-route://127.0.0.1:6222\"");
	}

	@Test
	void theDefaultStoreLiesInTheWorkDirAndIsWrittenToTheConfig() {
		ServerLayout layout = create(NatsServerProcess.builder());
		assertThat(layout.storeDir()).isEqualTo(layout.workDir().resolve("store")).isDirectory();
		assertThat(layout.launch().directories()).containsExactly(layout.workDir());
		assertThat(layout.workDir().resolve("nats-server.conf")).content()
			.contains("store_dir: \"" + layout.storeDir() + "\"");
	}

	@Test
	void aStoreDirElsewhereIsASecondDirectoryAndIsLeftOutOfTheConfigWithoutJetStream(@TempDir Path tempDir)
			throws Exception {
		Path store = tempDir.resolve("kept");
		ServerLayout layout = create(NatsServerProcess.builder().storeDir(store).jetStream(false));
		assertThat(layout.storeDir()).isEqualTo(store.toAbsolutePath()).isDirectory();
		assertThat(layout.launch().directories()).containsExactly(layout.workDir(), store.toAbsolutePath());
		assertThat(Files.readString(layout.workDir().resolve("nats-server.conf"))).doesNotContain("jetstream");
	}

	private ServerLayout create(NatsServerProcess.Builder builder) {
		ServerLayout layout = ServerLayout.create(builder.reapOnJvmExit(false).settings());
		this.layouts.add(layout);
		return layout;
	}

}
