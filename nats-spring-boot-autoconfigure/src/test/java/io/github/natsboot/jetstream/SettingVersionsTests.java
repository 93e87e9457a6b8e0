package io.github.natsboot.jetstream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition.PriorityPolicy;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.StreamDefinition.Compression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SettingVersions} and {@link ServerCapabilities#isAtLeast}.
 */
class SettingVersionsTests {

	private static final ServerCapabilities SERVER_2_9 = new ServerCapabilities("2.9.10", false, true, false);

	private static final ServerCapabilities SERVER_2_10 = new ServerCapabilities("2.10.24", false, true, true);

	private static final ServerCapabilities SERVER_2_11 = new ServerCapabilities("2.11.0-RC.1", false, true, true);

	private final List<JetStreamDefinition> everything = List.of(
			StreamDefinition.builder("orders")
				.compression(Compression.S2)
				.metadata(Map.of("team", "billing"))
				.allowMsgTtl(true)
				.consumer("billing", (consumer) -> consumer.pauseUntil(Instant.parse("2030-01-01T00:00:00Z"))
					.priorityGroups("jobs")
					.priorityPolicy(PriorityPolicy.OVERFLOW))
				.build(),
			KeyValueDefinition.builder("carts").compression(true).sources(StreamSource.of("cartsEu")).build());

	@Test
	void versionsCompareByTheirNumbersAndPreReleasesCountAsTheirRelease() {
		assertThat(SERVER_2_9.isAtLeast("2.10.0")).isFalse();
		assertThat(new ServerCapabilities("2.9.10", false, true, false).isAtLeast("2.9.2")).isTrue();
		assertThat(SERVER_2_10.isAtLeast("2.10.0")).isTrue();
		assertThat(SERVER_2_10.isAtLeast("2.11.0")).isFalse();
		assertThat(SERVER_2_11.isAtLeast("2.11.0")).isTrue();
		assertThat(new ServerCapabilities("v3.0.0", false, true, true).isAtLeast("2.11.0")).isTrue();
	}

	@Test
	void server29IsToldEverySettingOfANewerServerWithTheVersionItNeeds() {
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> SettingVersions.check(Definitions.of(this.everything), SERVER_2_9))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.UNSUPPORTED_SETTING);
				assertThat(ex.getProblems()).extracting(Problem::toString)
					.containsExactly(
							"streams.orders.compression: needs nats-server 2.10.0 or newer; the connected server is 2.9.10",
							"streams.orders.metadata: needs nats-server 2.10.0 or newer; the connected server is 2.9.10",
							"streams.orders.allow-msg-ttl: needs nats-server 2.11.0 or newer; the connected server is 2.9.10",
							"streams.orders.consumers.billing.pause-until: needs nats-server 2.11.0 or newer; the connected server is 2.9.10",
							"streams.orders.consumers.billing.priority-groups: needs nats-server 2.11.0 or newer; the connected server is 2.9.10",
							"streams.orders.consumers.billing.priority-policy: needs nats-server 2.11.0 or newer; the connected server is 2.9.10",
							"key-value.carts.compression: needs nats-server 2.10.0 or newer; the connected server is 2.9.10",
							"key-value.carts.sources: needs nats-server 2.10.0 or newer; the connected server is 2.9.10");
			});
	}

	@Test
	void server210IsToldOnlyTheSettingsOf211() {
		assertThatExceptionOfType(JetStreamProvisioningException.class)
			.isThrownBy(() -> SettingVersions.check(Definitions.of(this.everything), SERVER_2_10))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Problem::property)
				.containsExactly("streams.orders.allow-msg-ttl", "streams.orders.consumers.billing.pause-until",
						"streams.orders.consumers.billing.priority-groups",
						"streams.orders.consumers.billing.priority-policy"));
		assertThatNoException().isThrownBy(() -> SettingVersions.check(Definitions.of(this.everything), SERVER_2_11));
	}

	@Test
	void settingsLeftAtTheirOlderMeaningNeedNoNewerServer() {
		List<JetStreamDefinition> definitions = List.of(
				StreamDefinition.builder("orders")
					.allowMsgTtl(false)
					.metadata(Map.of())
					.compression(Compression.NONE)
					.firstSequence(1)
					.consumer("billing", (consumer) -> consumer.filterSubjects("orders.paid"))
					.build(),
				KeyValueDefinition.builder("carts").compression(false).build());
		assertThatNoException().isThrownBy(() -> SettingVersions.check(Definitions.of(definitions), SERVER_2_9));
	}

	@Test
	void theDocumentationNamesTheVersionOfEverySettingOfTheTable() throws Exception {
		String page = Files.readString(Path.of("..", "docs", "jetstream.md"))
				+ Files.readString(Path.of("..", "docs", "object-store.md"));
		SettingVersions.byProperty().forEach((property, version) -> {
			List<String> names = rowNames(property);
			String row = page.lines()
				.filter((line) -> names.stream().anyMatch((name) -> line.startsWith("| `nats.jetstream." + name)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row for nats.jetstream." + property));
			assertThat(row).as(property).contains("nats-server " + version.substring(0, version.lastIndexOf('.')));
		});
	}

	/**
	 * The names a property's row may have: the property itself, its map entries, or its
	 * group (a row for {@code mirror.*} covers {@code mirror.subject-transforms}).
	 */
	private static List<String> rowNames(String property) {
		String group = property.substring(0, property.lastIndexOf('.'));
		return List.of(property + "`", property + ".<key>`", property + ".*`", group + ".*`", group + "`");
	}

}
