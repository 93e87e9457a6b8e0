package io.github.natsboot.listener;

import java.time.Duration;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.autoconfigure.metrics.NatsMetricsAutoConfiguration;
import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A requester is answered even when its answer cannot be sent: on a server whose
 * {@code max_payload} is too small for the reply, the return value is replaced by an error
 * reply, and an error reply too large to send by the minimal one, each counted.
 */
@EmbeddedNats(jetStream = false, config = "max_payload: 400")
@ExtendWith(OutputCaptureExtension.class)
class ReplyFallbackIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	ReplyFallbackIntegrationTests(NatsServer server) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsListenerAutoConfiguration.class, NatsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(EchoListener.class)
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=5s",
					"nats.listener.stop-timeout=5s");
	}

	@Test
	void aReplyValueLargerThanTheServerAcceptsIsAnsweredWithAnErrorAndCounted() {
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> request(context, "reply:" + "r".repeat(200)))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(500);
					assertThat(ex.getDescription()).contains("400");
				});
			// counted once the reply is out: the requester may see the reply first
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(replyFailures(context)).isEqualTo(1));
			assertThat(request(context, "reply:small")).isEqualTo("small");
		});
	}

	@Test
	void anErrorReplyLargerThanTheServerAcceptsIsReplacedByTheMinimalOneAndCounted(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(NatsServiceErrorException.class)
				.isThrownBy(() -> request(context, "throw:1000"))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(ReplySender.FALLBACK_CODE);
					assertThat(ex.getDescription()).isEqualTo(ReplySender.FALLBACK_DESCRIPTION);
				});
			// counted and logged once the minimal reply is out: the requester may see it first
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(replyFailures(context)).isEqualTo(1);
				assertThat(output).contains("Could not send the error reply to _INBOX.")
					.contains("sent the minimal error reply instead");
			});
		});
	}

	private static String request(ConfigurableApplicationContext context, String body) {
		return context.getBean(NatsTemplate.class).request("echo", body, String.class, Duration.ofSeconds(2));
	}

	private static double replyFailures(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get(MicrometerNatsListenerMetricsFactory.REPLY_FAILURES)
			.tag("listener.id", "echo")
			.counter()
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoListener {

		@NatsListener(id = "echo", subjects = "echo")
		String echo(String body) {
			if (body.startsWith("throw:")) {
				throw new IllegalStateException("e".repeat(Integer.parseInt(body.substring(6))));
			}
			String value = body.substring(6);
			return (value.length() > 100) ? value.repeat(3) : value;
		}

	}

}
