package io.github.natsboot.autoconfigure.devserver;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.devserver.NatsDevServerException;
import io.github.natsboot.devserver.NatsDevServerException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class NatsDevServerFailureAnalyzerTests {

	private final NatsDevServerFailureAnalyzer analyzer = new NatsDevServerFailureAnalyzer();

	@Test
	void applicationWithAWrongExecutableFailsToStartWithAReportThatSaysWhatToFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(DevServerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--nats.dev-server.enabled=true",
				"--nats.dev-server.executable=/no/such/nats-server"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("nats.dev-server.executable=/no/such/nats-server is not an executable file")
			.contains("sudo apt-get install nats-server");
	}

	@Test
	void missingServerAnalysisSaysExactlyWhatToInstallAndWhichPropertyToSet() {
		FailureAnalysis analysis = this.analyzer.analyze(new NatsDevServerException(Reason.NOT_INSTALLED,
				"no nats-server executable found (looked on PATH and in [/usr/sbin]) and no container fallback "
						+ "(Testcontainers found no running Docker engine)",
				null));
		assertThat(analysis.getDescription()).isEqualTo("The NATS dev server (nats.dev-server.enabled=true) could "
				+ "not be started: no nats-server executable found (looked on PATH and in [/usr/sbin]) and no "
				+ "container fallback (Testcontainers found no running Docker engine).");
		assertThat(analysis.getAction()).startsWith("Install nats-server: on Debian/Ubuntu run 'sudo apt-get install "
				+ "nats-server' (it installs /usr/sbin/nats-server)")
			.contains("set nats.dev-server.executable to its path")
			.contains("org.testcontainers:testcontainers")
			.endsWith("Or point nats.servers at a running NATS server, or set nats.dev-server.enabled=false.");
	}

	@Test
	void serverThatDidNotStartPointsAtThePortAndTheStore() {
		FailureAnalysis analysis = this.analyzer.analyze(new NatsDevServerException(Reason.NOT_READY,
				"nats-server nats-dev-server at nats://127.0.0.1:4333 exited with code 1; ... address already in use",
				null));
		assertThat(analysis.getDescription()).contains("address already in use");
		assertThat(analysis.getAction()).contains("nats.dev-server.port").contains("nats.dev-server.store-dir");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NatsDevServerAutoConfiguration.class, NatsAutoConfiguration.class,
			SslAutoConfiguration.class })
	static class DevServerApplication {

	}

}
