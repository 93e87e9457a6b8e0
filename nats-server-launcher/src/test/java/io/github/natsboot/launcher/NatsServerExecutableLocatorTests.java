package io.github.natsboot.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NatsServerExecutableLocatorTests {

	@TempDir
	Path temp;

	@Test
	void searchFindsTheExecutableInTheFirstDirectoryOfThePathThatHasIt() throws IOException {
		Path empty = Files.createDirectory(this.temp.resolve("empty"));
		Path first = executable(Files.createDirectory(this.temp.resolve("first")));
		executable(Files.createDirectory(this.temp.resolve("second")));
		Path found = NatsServerExecutableLocator.create()
			.searchIn(empty + File.pathSeparator + first.getParent() + File.pathSeparator + this.temp.resolve("second"),
					List.of())
			.locate();
		assertThat(found).isEqualTo(first);
	}

	@Test
	void searchFallsBackToTheWellKnownDirectoriesWhenThePathHasNoServer() throws IOException {
		Path wellKnown = executable(Files.createDirectory(this.temp.resolve("sbin")));
		Path found = NatsServerExecutableLocator.create()
			.searchIn(this.temp.toString(), List.of(wellKnown.getParent()))
			.locate();
		assertThat(found).isEqualTo(wellKnown);
	}

	@Test
	void configuredLocationWinsOverTheSearchAndMayBeTheDirectory() throws IOException {
		Path configured = executable(Files.createDirectory(this.temp.resolve("opt")));
		Path onPath = executable(Files.createDirectory(this.temp.resolve("bin")));
		NatsServerExecutableLocator locator = NatsServerExecutableLocator.create()
			.configured("unset", (String) null)
			.configured("my.property", configured.getParent())
			.searchIn(onPath.getParent().toString(), List.of());
		assertThat(locator.isConfigured()).isTrue();
		assertThat(locator.locate()).isEqualTo(configured);
	}

	@Test
	void wrongConfiguredLocationFailsInsteadOfFallingBackToTheSearch() throws IOException {
		Path onPath = executable(Files.createDirectory(this.temp.resolve("bin")));
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> NatsServerExecutableLocator.create()
				.configured("my.property", "/no/such/nats-server")
				.searchIn(onPath.getParent().toString(), List.of())
				.configurationHint("set my.property to the path of the executable")
				.locate())
			.satisfies((ex) -> assertThat(ex.isConfigured()).isTrue())
			.withMessage("No nats-server executable found (my.property=/no/such/nats-server is not an executable "
					+ "file). Install it with 'sudo apt-get install nats-server' on Debian/Ubuntu (it installs "
					+ "/usr/sbin/nats-server), or set my.property to the path of the executable.");
	}

	@Test
	void nothingFoundNamesTheDirectoriesSearched() {
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> NatsServerExecutableLocator.create()
				.searchIn(this.temp.toString(), List.of(Path.of("/no/such/sbin")))
				.locate())
			.satisfies((ex) -> assertThat(ex.isConfigured()).isFalse())
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("looked on PATH and in [/no/such/sbin]"))
			.withMessageContaining("sudo apt-get install nats-server");
	}

	@Test
	void aFileThatIsNotExecutableIsSkipped() throws IOException {
		Path directory = Files.createDirectory(this.temp.resolve("bin"));
		Files.writeString(directory.resolve("nats-server"), "not a program");
		assertThatExceptionOfType(NatsServerNotFoundException.class)
			.isThrownBy(() -> NatsServerExecutableLocator.create().searchIn(directory.toString(), List.of()).locate());
	}

	private static Path executable(Path directory) throws IOException {
		Path file = directory.resolve("nats-server");
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
