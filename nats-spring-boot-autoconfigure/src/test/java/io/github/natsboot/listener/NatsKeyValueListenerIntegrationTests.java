package io.github.natsboot.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.autoconfigure.NatsTemplateAutoConfiguration;
import io.github.natsboot.autoconfigure.health.NatsHealthContributorAutoConfiguration;
import io.github.natsboot.autoconfigure.jetstream.NatsJetStreamAutoConfiguration;
import io.github.natsboot.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsboot.health.NatsHealthIndicator;
import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueChange.Operation;
import io.github.natsboot.kv.KeyValueHeaders;
import io.github.natsboot.kv.KeyValueWatchStart;
import io.github.natsboot.metrics.MicrometerNatsListenerMetricsFactory;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * {@link NatsKeyValueListener} methods against real servers: the embedded one for
 * behaviour, servers of their own for kills and restarts.
 */
@EmbeddedNats
class NatsKeyValueListenerIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final NatsServer server;

	private final ApplicationContextRunner contextRunner;

	private Connection admin;

	private KeyValue config;

	NatsKeyValueListenerIntegrationTests(NatsServer server) {
		this.server = server;
		this.contextRunner = contextRunner(server);
	}

	private static ApplicationContextRunner contextRunner(NatsServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class, NatsTemplateAutoConfiguration.class,
					NatsJetStreamAutoConfiguration.class, NatsListenerAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + server.getUrl(), "nats.drain-timeout=3s",
					"nats.listener.stop-timeout=3s", "nats.reconnect.wait=100ms");
	}

	@BeforeEach
	void createBucket() throws Exception {
		this.admin = Nats.connect(this.server.getUrl());
		this.config = resetBucket(this.admin, "config", StorageType.Memory);
	}

	@AfterEach
	void close() throws InterruptedException {
		this.admin.close();
	}

	private static KeyValue resetBucket(Connection connection, String bucket, StorageType storage) throws Exception {
		KeyValueManagement management = connection.keyValueManagement();
		try {
			management.delete(bucket);
		}
		catch (JetStreamApiException ex) {
			// not there yet
		}
		management.create(
				KeyValueConfiguration.builder().name(bucket).storageType(storage).maxHistoryPerKey(10).build());
		return connection.keyValue(bucket);
	}

	@Test
	void putsOfMatchingKeysMadeAfterTheStartReachTheMethodInRevisionOrder() throws Exception {
		this.config.put("app.before", "old");
		this.contextRunner.withUserConfiguration(AppKeysListener.class).run((context) -> {
			AppKeysListener listener = context.getBean(AppKeysListener.class);
			long first = this.config.put("app.color", "red");
			this.config.put("other.color", "blue");
			long second = this.config.put("app.size.max", "10");
			long third = this.config.put("app.color", "green");
			await().atMost(WAIT).until(() -> listener.changes.size() >= 3);
			assertThat(listener.changes).extracting(KeyValueChange::key, KeyValueChange::value,
					KeyValueChange::revision, KeyValueChange::operation)
				.containsExactly(tuple("app.color", "red", first, Operation.PUT),
						tuple("app.size.max", "10", second, Operation.PUT),
						tuple("app.color", "green", third, Operation.PUT));
			assertThat(listener.changes).allSatisfy((change) -> assertThat(change.created())
				.isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60)));
		});
	}

	@Test
	void deletesAndPurgesReachTheMethodWithoutAValueAndWithTheirOperation() throws Exception {
		this.contextRunner.withUserConfiguration(AppKeysListener.class, OptionalValueListener.class).run((context) -> {
			AppKeysListener listener = context.getBean(AppKeysListener.class);
			OptionalValueListener optional = context.getBean(OptionalValueListener.class);
			this.config.put("app.flag", "on");
			this.config.delete("app.flag");
			this.config.put("app.other", "x");
			this.config.purge("app.other");
			await().atMost(WAIT).until(() -> listener.changes.size() >= 4 && optional.values.size() >= 4);
			assertThat(listener.changes).extracting(KeyValueChange::key, KeyValueChange::value,
					KeyValueChange::operation)
				.containsExactly(tuple("app.flag", "on", Operation.PUT), tuple("app.flag", null, Operation.DELETE),
						tuple("app.other", "x", Operation.PUT), tuple("app.other", null, Operation.PURGE));
			assertThat(optional.values).containsExactly("PUT:on", "DELETE:none", "PUT:x", "PURGE:none");
		});
	}

	@Test
	void deletesAndPurgesAreLeftOutWhenIncludeDeletesIsFalse() throws Exception {
		this.contextRunner.withUserConfiguration(PutsOnlyListener.class).run((context) -> {
			PutsOnlyListener listener = context.getBean(PutsOnlyListener.class);
			this.config.put("app.flag", "on");
			this.config.delete("app.flag");
			this.config.put("app.flag", "off");
			this.config.purge("app.flag");
			long last = this.config.put("app.flag", "on again");
			await().atMost(WAIT).until(() -> listener.values.size() >= 3);
			assertThat(listener.values).containsExactly("on", "off", "on again");
			assertThat(((KeyValueNatsListenerContainer) context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("puts-only")).getLastHandledRevision()).isEqualTo(last);
		});
	}

	@Test
	void currentValuesStartDeliversTheLatestEntryOfEveryMatchingKeyThenTheChanges() throws Exception {
		this.config.put("app.a", "1");
		long a2 = this.config.put("app.a", "2");
		long b = this.config.put("app.b", "x");
		this.config.put("app.c", "gone soon");
		this.config.delete("app.c");
		long c = this.config.getStatus().getBackingStreamInfo().getStreamState().getLastSequence();
		this.config.put("elsewhere", "ignored");
		this.contextRunner.withUserConfiguration(CurrentValuesListener.class).run((context) -> {
			CurrentValuesListener listener = context.getBean(CurrentValuesListener.class);
			await().atMost(WAIT).until(() -> listener.changes.size() >= 3);
			long a3 = this.config.put("app.a", "3");
			await().atMost(WAIT).until(() -> listener.changes.size() >= 4);
			assertThat(listener.changes).extracting(KeyValueChange::key, KeyValueChange::value,
					KeyValueChange::revision, KeyValueChange::operation)
				.containsExactly(tuple("app.a", "2", a2, Operation.PUT), tuple("app.b", "x", b, Operation.PUT),
						tuple("app.c", null, c, Operation.DELETE), tuple("app.a", "3", a3, Operation.PUT));
		});
	}

	@Test
	void historyStartDeliversEveryRevisionTheBucketKeepsThenTheChanges() throws Exception {
		long first = this.config.put("app.a", "1");
		long second = this.config.put("app.a", "2");
		this.contextRunner.withUserConfiguration(HistoryListener.class).run((context) -> {
			HistoryListener listener = context.getBean(HistoryListener.class);
			long third = this.config.put("app.a", "3");
			await().atMost(WAIT).until(() -> listener.revisions.size() >= 3);
			assertThat(listener.revisions).containsExactly(first, second, third);
		});
	}

	@Test
	void valuesAreConvertedAndKeyRevisionOperationBucketAndTimeComeThroughHeaders() throws Exception {
		this.contextRunner.withUserConfiguration(HeaderParametersListener.class).run((context) -> {
			HeaderParametersListener listener = context.getBean(HeaderParametersListener.class);
			long put = this.config.put("app.limits", "{\"name\":\"limits\",\"max\":7}");
			this.config.delete("app.limits");
			long delete = this.config.getStatus().getBackingStreamInfo().getStreamState().getLastSequence();
			await().atMost(WAIT).until(() -> listener.calls.size() >= 2 && listener.changes.size() >= 2);
			assertThat(listener.calls).containsExactly(
					new Call(new Settings("limits", 7), "app.limits", put, Operation.PUT, "config"),
					new Call(null, "app.limits", delete, Operation.DELETE, "config"));
			assertThat(listener.created).hasSize(2)
				.allSatisfy((created) -> assertThat(created).isBetween(Instant.now().minusSeconds(60),
						Instant.now().plusSeconds(60)));
			assertThat(listener.changes).extracting(KeyValueChange::value)
				.containsExactly(new Settings("limits", 7), null);
			assertThat(listener.subjects).containsOnly("$KV.config.app.limits");
		});
	}

	@Test
	void severalKeyPatternsAreWatchedTogetherWhateverTheServerFiltersOn() throws Exception {
		this.contextRunner.withUserConfiguration(SeveralKeysListener.class).run((context) -> {
			SeveralKeysListener listener = context.getBean(SeveralKeysListener.class);
			List<Long> expected = new ArrayList<>();
			expected.add(this.config.put("app.a.x", "1"));
			this.config.put("app.a.x.y", "not matched by app.a.*");
			this.config.put("app.b", "not matched");
			expected.add(this.config.put("feature.dark-mode", "2"));
			expected.add(this.config.put("feature.beta.users", "3"));
			this.config.put("other", "not matched");
			expected.add(this.config.put("app.a.z", "4"));
			await().atMost(WAIT).until(() -> listener.revisions.size() >= 4);
			Thread.sleep(300);
			assertThat(listener.revisions).containsExactlyElementsOf(expected);
			assertThat(listener.keys).containsExactly("app.a.x", "feature.dark-mode", "feature.beta.users", "app.a.z");
		});
	}

	@Test
	void aFailedChangeGoesToTheErrorHandlerWithItsKeyAndRevisionAndTheNextChangeIsHandled() throws Exception {
		this.contextRunner.withUserConfiguration(FailingListener.class).run((context) -> {
			FailingListener listener = context.getBean(FailingListener.class);
			RecordingErrorHandler errors = context.getBean(RecordingErrorHandler.class);
			this.config.put("app.a", "fine");
			long failing = this.config.put("app.a", "boom");
			long notConvertible = this.config.put("app.settings", "not json");
			this.config.put("app.a", "fine again");
			await().atMost(WAIT).until(() -> listener.values.size() >= 3 && errors.failures.size() >= 2);
			assertThat(listener.values).containsExactly("fine", "boom", "fine again");
			assertThat(errors.failures).extracting(Failure::key, Failure::revision, Failure::conversionFailure)
				.containsExactly(tuple("app.a", failing, false), tuple("app.settings", notConvertible, true));
			assertThat(errors.failures.get(0).cause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
			assertThat(context.getBean(MeterRegistry.class)
				.get(MicrometerNatsListenerMetricsFactory.PROCESS)
				.tags("listener.id", "failing", "outcome", "failure", "subject", "$KV.config.app.>")
				.timer()
				.count()).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class)
				.get(MicrometerNatsListenerMetricsFactory.PROCESS)
				.tags("listener.id", "failing", "outcome", "success")
				.timer()
				.count()).isEqualTo(3);
		});
	}

	@Test
	void changesMadeWhilePausedAreHandledOnceAfterResume() throws Exception {
		this.contextRunner.withUserConfiguration(AppKeysListener.class).run((context) -> {
			AppKeysListener listener = context.getBean(AppKeysListener.class);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("app-keys");
			List<Long> expected = new ArrayList<>();
			expected.add(this.config.put("app.a", "before"));
			await().atMost(WAIT).until(() -> listener.changes.size() == 1);
			container.pause();
			assertThat(container.isPaused()).isTrue();
			assertThat(container.isInExpectedState()).isTrue();
			for (int i = 0; i < 5; i++) {
				expected.add(this.config.put("app.a", "paused-" + i));
			}
			Thread.sleep(500);
			assertThat(listener.changes).hasSize(1);
			container.resume();
			expected.add(this.config.put("app.a", "after"));
			await().atMost(WAIT).until(() -> listener.changes.size() >= 7);
			Thread.sleep(300);
			assertThat(listener.changes).extracting(KeyValueChange::revision).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void aListenerThatDoesNotStartAutomaticallyStartsThroughTheRegistryAndStopsThere() throws Exception {
		this.contextRunner.withUserConfiguration(ManualListener.class).run((context) -> {
			ManualListener listener = context.getBean(ManualListener.class);
			NatsListenerContainer container = context.getBean(NatsListenerEndpointRegistry.class)
				.getListenerContainer("manual");
			this.config.put("app.a", "unseen");
			assertThat(container.isRunning()).isFalse();
			container.start();
			long seen = this.config.put("app.a", "seen");
			await().atMost(WAIT).until(() -> listener.revisions.size() == 1);
			container.stop();
			this.config.put("app.a", "unseen again");
			Thread.sleep(300);
			assertThat(listener.revisions).containsExactly(seen);
		});
	}

	@Test
	void healthReportsTheListenerLikeAnyOther() {
		this.contextRunner.withUserConfiguration(AppKeysListener.class)
			.withConfiguration(AutoConfigurations.of(NatsHealthContributorAutoConfiguration.class))
			.run((context) -> {
				Health health = context.getBean(NatsHealthIndicator.class).health();
				assertThat(health.getDetails().get("listeners")).isInstanceOfSatisfying(Map.class,
						(listeners) -> assertThat(listeners).containsEntry("app-keys", "running"));
				context.getBean(NatsListenerEndpointRegistry.class).getListenerContainer("app-keys").pause();
				assertThat(context.getBean(NatsHealthIndicator.class).health().getDetails().get("listeners"))
					.isInstanceOfSatisfying(Map.class,
							(listeners) -> assertThat(listeners).containsEntry("app-keys", "paused"));
			});
	}

	@Test
	void attributesResolvePlaceholders() throws Exception {
		resetBucket(this.admin, "settings", StorageType.Memory);
		this.contextRunner.withUserConfiguration(PlaceholderListener.class)
			.withPropertyValues("app.kv.bucket=settings", "app.kv.keys=tenant.*,global",
					"app.kv.id=from-placeholders")
			.run((context) -> {
				PlaceholderListener listener = context.getBean(PlaceholderListener.class);
				KeyValue settings = this.admin.keyValue("settings");
				settings.put("tenant.acme", "1");
				settings.put("tenant.acme.deep", "not matched");
				settings.put("global", "2");
				await().atMost(WAIT).until(() -> listener.keys.size() >= 2);
				assertThat(listener.keys).containsExactly("tenant.acme", "global");
				assertThat(context.getBean(NatsListenerEndpointRegistry.class)
					.getListenerContainer("from-placeholders")).isInstanceOf(KeyValueNatsListenerContainer.class);
			});
	}

	@Test
	void aBucketDeclaredInPropertiesIsProvisionedBeforeTheListenerStarts() throws Exception {
		try {
			this.admin.keyValueManagement().delete("provisioned");
		}
		catch (JetStreamApiException ex) {
			// not there
		}
		this.contextRunner.withUserConfiguration(ProvisionedBucketListener.class)
			.withPropertyValues("nats.jetstream.key-value.provisioned.storage=memory")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ProvisionedBucketListener listener = context.getBean(ProvisionedBucketListener.class);
				long revision = this.admin.keyValue("provisioned").put("k", "v");
				await().atMost(WAIT).until(() -> listener.revisions.contains(revision));
			});
	}

	@Test
	void aListenerOfAMissingBucketFailsStartupWithAnAnalysisNamingTheProperty() {
		this.contextRunner.withUserConfiguration(MissingBucketListener.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NatsListenerBindingFailureAnalyzerAccess()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("@NatsKeyValueListener 'missing'")
				.contains("bucket 'nope'")
				.contains("does not exist");
			assertThat(analysis.getAction()).contains("nats.jetstream.key-value.nope");
		});
	}

	@Test
	void aValueParameterThatCannotBeNullIsRejectedWhileDeletesAreIncluded() {
		this.contextRunner.withUserConfiguration(RequiredValueListener.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("@NatsKeyValueListener RequiredValueListener.onChange")
				.hasMessageContaining("String parameter at index 0")
				.hasMessageContaining("@Payload(required = false)")
				.hasMessageContaining("includeDeletes"));
	}

	@Test
	void anAsynchronousReturnTypeAndAnInvalidKeyPatternAreRejected() {
		this.contextRunner.withUserConfiguration(AsyncListener.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("one change at a time")
				.hasMessageContaining("CompletableFuture"));
		this.contextRunner.withUserConfiguration(InvalidPatternListener.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid key pattern 'app.>.x' for bucket 'config'"));
	}

	@Test
	void aListenerOnANamedConnectionWatchesTheBucketOfThatConnection() throws Exception {
		try (NatsServer other = NatsServer.builder().name("kv-other").start();
				Connection otherAdmin = Nats.connect(other.getUrl())) {
			KeyValue otherConfig = resetBucket(otherAdmin, "config", StorageType.Memory);
			this.contextRunner.withUserConfiguration(NamedConnectionListener.class)
				.withPropertyValues("nats.connections.other.servers=" + other.getUrl())
				.run((context) -> {
					NamedConnectionListener listener = context.getBean(NamedConnectionListener.class);
					this.config.put("app.a", "default server");
					long revision = otherConfig.put("app.a", "other server");
					await().atMost(WAIT).until(() -> listener.values.size() >= 1);
					Thread.sleep(300);
					assertThat(listener.values).containsExactly("other server@" + revision);
					assertThat(context.getBean(NatsListenerEndpointRegistry.class)
						.getListenerContainer("on-other")
						.getConnectionName()).isEqualTo("other");
				});
		}
	}

	@Test
	void aServerKilledAndRestartedOnItsStoreMakesTheListenerMissNoRevisionAndRepeatNone() throws Exception {
		try (NatsServer crashing = NatsServer.builder().name("kv-crash").start();
				Connection writer = Nats.connect(crashing.getUrl())) {
			KeyValue bucket = resetBucket(writer, "config", StorageType.File);
			contextRunner(crashing).withUserConfiguration(RevisionRecorder.class)
				.withPropertyValues("nats.reconnect.wait=2s")
				.run((context) -> {
					RevisionRecorder listener = context.getBean(RevisionRecorder.class);
					List<Long> written = new ArrayList<>();
					for (int i = 0; i < 5; i++) {
						written.add(bucket.put("app.before." + (i % 2), "v" + i));
					}
					await().atMost(WAIT).until(() -> listener.revisions.size() >= 5);
					crashing.kill();
					crashing.restart();
					long restarted = System.nanoTime();
					try (Connection second = Nats.connect(crashing.getUrl())) {
						KeyValue afterRestart = second.keyValue("config");
						for (int i = 0; i < 5; i++) {
							written.add(afterRestart.put("app.outage." + (i % 2), "v" + i));
						}
						afterRestart.delete("app.outage.0");
						written.add(second.keyValue("config").getStatus().getBackingStreamInfo().getStreamState()
							.getLastSequence());
					}
					await().atMost(WAIT).until(() -> listener.revisions.size() >= 11);
					Duration resumed = Duration.ofNanos(listener.times.get(5) - restarted);
					await().atMost(WAIT).until(() -> writer.getStatus() == Connection.Status.CONNECTED);
					for (int i = 0; i < 5; i++) {
						written.add(bucket.put("app.after." + (i % 2), "v" + i));
					}
					await().atMost(WAIT).until(() -> listener.revisions.size() >= 16);
					Thread.sleep(2000);
					System.out.printf("kv listener across kill -9 and restart: %d revisions written, %d handled, "
							+ "the outage's changes handled %d ms after the restart%n", written.size(),
							listener.revisions.size(), resumed.toMillis());
					assertThat(listener.revisions).containsExactlyElementsOf(written);
					assertThat(resumed).isLessThan(Duration.ofSeconds(10));
				});
		}
	}

	@Test
	void aServerRestartBeforeTheFirstChangeOfAnUpdatesOnlyListenerMissesNothing() throws Exception {
		try (NatsServer crashing = NatsServer.builder().name("kv-early-crash").start();
				Connection writer = Nats.connect(crashing.getUrl())) {
			KeyValue bucket = resetBucket(writer, "config", StorageType.File);
			bucket.put("app.existing", "not a change after the start");
			contextRunner(crashing).withUserConfiguration(RevisionRecorder.class)
				.withPropertyValues("nats.reconnect.wait=2s")
				.run((context) -> {
					RevisionRecorder listener = context.getBean(RevisionRecorder.class);
					crashing.kill();
					crashing.restart();
					List<Long> written = new ArrayList<>();
					try (Connection second = Nats.connect(crashing.getUrl())) {
						for (int i = 0; i < 3; i++) {
							written.add(second.keyValue("config").put("app.outage", "v" + i));
						}
					}
					await().atMost(WAIT).until(() -> listener.revisions.size() >= 3);
					Thread.sleep(1000);
					assertThat(listener.revisions).containsExactlyElementsOf(written);
				});
		}
	}

	record Settings(String name, int max) {
	}

	record Call(Settings value, String key, long revision, Operation operation, String bucket) {
	}

	record Failure(String key, long revision, boolean conversionFailure, Throwable cause) {
	}

	@Configuration(proxyBeanMethods = false)
	static class AppKeysListener {

		final List<KeyValueChange<String>> changes = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "app-keys", bucket = "config", keys = "app.>")
		void onChange(KeyValueChange<String> change) {
			this.changes.add(change);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionalValueListener {

		final List<String> values = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "config", keys = "app.>")
		void onChange(Optional<String> value, @Header(KeyValueHeaders.OPERATION) String operation) {
			this.values.add(operation + ":" + value.orElse("none"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PutsOnlyListener {

		final List<String> values = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "puts-only", bucket = "config", keys = "app.flag", includeDeletes = "false")
		void onChange(String value) {
			this.values.add(value);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CurrentValuesListener {

		final List<KeyValueChange<String>> changes = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "config", keys = "app.*", start = KeyValueWatchStart.CURRENT_VALUES)
		void onChange(KeyValueChange<String> change) {
			this.changes.add(change);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HistoryListener {

		final List<Long> revisions = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "config", keys = "app.a", start = KeyValueWatchStart.HISTORY)
		void onChange(@Header(KeyValueHeaders.REVISION) long revision) {
			this.revisions.add(revision);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HeaderParametersListener {

		final List<Call> calls = new CopyOnWriteArrayList<>();

		final List<Instant> created = new CopyOnWriteArrayList<>();

		final List<String> subjects = new CopyOnWriteArrayList<>();

		final List<KeyValueChange<Settings>> changes = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "config", keys = "app.limits")
		void onChange(@Payload(required = false) Settings value, @Header(KeyValueHeaders.KEY) String key,
				@Header(KeyValueHeaders.REVISION) long revision, @Header(KeyValueHeaders.OPERATION) Operation operation,
				@Header(KeyValueHeaders.BUCKET) String bucket, @Header(KeyValueHeaders.CREATED) Instant created,
				Message message) {
			this.calls.add(new Call(value, key, revision, operation, bucket));
			this.created.add(created);
			this.subjects.add(message.getSubject());
		}

		@NatsKeyValueListener(bucket = "config", keys = "app.limits")
		void onTypedChange(KeyValueChange<Settings> change) {
			this.changes.add(change);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SeveralKeysListener {

		final List<Long> revisions = new CopyOnWriteArrayList<>();

		final List<String> keys = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "config", keys = { "app.a.*", "feature.>" })
		void onChange(KeyValueChange<byte[]> change) {
			this.revisions.add(change.revision());
			this.keys.add(change.key());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		final List<String> values = new CopyOnWriteArrayList<>();

		@Bean
		RecordingErrorHandler recordingErrorHandler() {
			return new RecordingErrorHandler();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		MicrometerNatsListenerMetricsFactory listenerMetricsFactory(MeterRegistry meterRegistry) {
			return new MicrometerNatsListenerMetricsFactory(meterRegistry);
		}

		@NatsKeyValueListener(id = "failing", bucket = "config", keys = "app.>", errorHandler = "recordingErrorHandler")
		void onChange(@Header(KeyValueHeaders.KEY) String key, @Payload(required = false) String value,
				@Header(KeyValueHeaders.REVISION) long revision) {
			if (key.equals("app.settings")) {
				return;
			}
			this.values.add(value);
			if (value.equals("boom")) {
				throw new IllegalStateException("boom");
			}
		}

		@NatsKeyValueListener(id = "typed", bucket = "config", keys = "app.settings",
				errorHandler = "recordingErrorHandler")
		void onSettings(KeyValueChange<Settings> change) {
		}

	}

	static class RecordingErrorHandler implements NatsListenerErrorHandler {

		final List<Failure> failures = new CopyOnWriteArrayList<>();

		@Override
		public Object handleError(Message message, NatsListenerExecutionFailedException exception) {
			this.failures.add(new Failure(message.getHeaders().getFirst(KeyValueHeaders.KEY),
					Long.parseLong(message.getHeaders().getFirst(KeyValueHeaders.REVISION)),
					exception.isConversionFailure(), exception.getCause()));
			return null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManualListener {

		final List<Long> revisions = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "manual", bucket = "config", autoStartup = "false")
		void onChange(KeyValueChange<String> change) {
			this.revisions.add(change.revision());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderListener {

		final List<String> keys = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "${app.kv.id}", bucket = "${app.kv.bucket}", keys = "${app.kv.keys}")
		void onChange(@Header(KeyValueHeaders.KEY) String key) {
			this.keys.add(key);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProvisionedBucketListener {

		final List<Long> revisions = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(bucket = "provisioned")
		void onChange(@Header(KeyValueHeaders.REVISION) long revision) {
			this.revisions.add(revision);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingBucketListener {

		@NatsKeyValueListener(id = "missing", bucket = "nope")
		void onChange(KeyValueChange<String> change) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequiredValueListener {

		@NatsKeyValueListener(bucket = "config")
		void onChange(String value) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncListener {

		@NatsKeyValueListener(bucket = "config")
		CompletableFuture<Void> onChange(KeyValueChange<String> change) {
			return CompletableFuture.completedFuture(null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidPatternListener {

		@NatsKeyValueListener(bucket = "config", keys = "app.>.x")
		void onChange(KeyValueChange<String> change) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedConnectionListener {

		final List<String> values = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "on-other", bucket = "config", connection = "other")
		void onChange(KeyValueChange<byte[]> change) {
			this.values.add(new String(change.value(), StandardCharsets.UTF_8) + "@" + change.revision());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RevisionRecorder {

		final List<Long> revisions = new CopyOnWriteArrayList<>();

		final List<Long> times = new CopyOnWriteArrayList<>();

		@NatsKeyValueListener(id = "recorder", bucket = "config", keys = "app.>")
		void onChange(@Header(KeyValueHeaders.REVISION) long revision) {
			this.revisions.add(revision);
			this.times.add(System.nanoTime());
		}

	}

}
