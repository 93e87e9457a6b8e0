package io.github.natsboot.kv;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.kv.KeyValueChange.Operation;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link NatsKeyValueTemplate} against a real {@code nats-server} with
 * JetStream. Each test works in a bucket of its own.
 */
@EmbeddedNats
@ExtendWith(OutputCaptureExtension.class)
class NatsKeyValueTemplateIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final AtomicInteger bucketCounter = new AtomicInteger();

	private static final NatsMessageConverter converter = new DefaultNatsMessageConverter(
			new JacksonJsonCodec(JsonMapper.builder().build()));

	private static Connection connection;

	@BeforeAll
	static void connect(NatsServer server) throws Exception {
		connection = Nats.connect(server.getUrl());
	}

	@AfterAll
	static void disconnect() throws InterruptedException {
		if (connection != null) {
			connection.close();
		}
	}

	@Test
	void aRecordRoundTripsAsJsonWithItsRevision() {
		NatsKeyValueTemplate template = templateForNewBucket();
		Order order = new Order("o-1", 3, List.of("apple", "pear"));
		Instant before = Instant.now().minusSeconds(1);
		long revision = template.put("orders.o-1", order);
		VersionedValue<Order> read = template.get("orders.o-1", Order.class);
		assertThat(read.key()).isEqualTo("orders.o-1");
		assertThat(read.value()).isEqualTo(order);
		assertThat(read.revision()).isEqualTo(revision).isPositive();
		assertThat(read.created()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
		assertThat(template.get("orders.o-1", String.class).value())
			.isEqualTo("{\"id\":\"o-1\",\"quantity\":3,\"items\":[\"apple\",\"pear\"]}");
	}

	@Test
	void stringsAreStoredAsUtf8TextAndBytesAsTheyAre() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("text", "h\u00e9llo");
		byte[] bytes = { 0, 1, (byte) 0xff, 42 };
		template.put("bytes", bytes);
		assertThat(template.get("text", String.class).value()).isEqualTo("h\u00e9llo");
		assertThat(connection.keyValue(template.getBucket()).get("text").getValue())
			.isEqualTo("h\u00e9llo".getBytes(StandardCharsets.UTF_8));
		assertThat(template.get("bytes", byte[].class).value()).isEqualTo(bytes);
		assertThat(connection.keyValue(template.getBucket()).get("bytes").getValue()).isEqualTo(bytes);
	}

	@Test
	void anEmptyStringIsReadBackAsAnEmptyString() {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("empty", "");
		assertThat(template.get("empty", String.class).value()).isEmpty();
		assertThat(template.get("empty", byte[].class).value()).isEmpty();
	}

	@Test
	void anAbsentKeyReadsAsNull() {
		NatsKeyValueTemplate template = templateForNewBucket();
		assertThat(template.get("nothing.here", Order.class)).isNull();
	}

	@Test
	void createOfAnExistingKeyIsAConflict() {
		NatsKeyValueTemplate template = templateForNewBucket();
		long revision = template.create("lock", "first");
		assertThatExceptionOfType(NatsKeyValueConflictException.class)
			.isThrownBy(() -> template.create("lock", "second"))
			.withMessageContaining("key 'lock'")
			.withMessageContaining("bucket '" + template.getBucket() + "'")
			.withMessageContaining("already exists")
			.satisfies((ex) -> {
				assertThat(ex.getBucket()).isEqualTo(template.getBucket());
				assertThat(ex.getKey()).isEqualTo("lock");
				assertThat(ex.getExpectedRevision()).isZero();
			});
		assertThat(template.get("lock", String.class).value()).isEqualTo("first");
		assertThat(template.get("lock", String.class).revision()).isEqualTo(revision);
	}

	@Test
	void updateWithAStaleRevisionIsRejected() {
		NatsKeyValueTemplate template = templateForNewBucket();
		long stale = template.put("counter", 1);
		template.put("counter", 2);
		assertThatExceptionOfType(NatsKeyValueConflictException.class)
			.isThrownBy(() -> template.update("counter", 3, stale))
			.withMessageContaining("update key 'counter' in bucket '" + template.getBucket() + "'")
			.withMessageContaining("revision " + stale + " is no longer the latest")
			.satisfies((ex) -> assertThat(ex.getExpectedRevision()).isEqualTo(stale));
		assertThat(template.get("counter", Integer.class).value()).isEqualTo(2);
	}

	@Test
	void updateWithTheCurrentRevisionIsAccepted() {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("counter", 1);
		VersionedValue<Integer> current = template.get("counter", Integer.class);
		long revision = template.update("counter", current.value() + 1, current.revision());
		assertThat(revision).isGreaterThan(current.revision());
		assertThat(template.get("counter", Integer.class)).extracting(VersionedValue::value, VersionedValue::revision)
			.containsExactly(2, revision);
	}

	@Test
	void updateOfAnAbsentKeyIsAConflict() {
		NatsKeyValueTemplate template = templateForNewBucket();
		assertThatExceptionOfType(NatsKeyValueConflictException.class)
			.isThrownBy(() -> template.update("never-written", "v", 1));
	}

	@Test
	void aDeletedKeyReadsAsNullAndCanBeCreatedAgain() {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("session", "alive");
		template.delete("session");
		assertThat(template.get("session", String.class)).isNull();
		long revision = template.create("session", "again");
		assertThat(template.get("session", String.class)).extracting(VersionedValue::value, VersionedValue::revision)
			.containsExactly("again", revision);
	}

	@Test
	void aPurgedKeyReadsAsNullAndCanBeCreatedAgain() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket(5);
		template.put("session", "one");
		template.put("session", "two");
		template.purge("session");
		assertThat(template.get("session", String.class)).isNull();
		assertThat(connection.keyValue(template.getBucket()).history("session")).hasSize(1);
		template.create("session", "three");
		assertThat(template.get("session", String.class).value()).isEqualTo("three");
	}

	@Test
	void keysListsTheLiveKeysAndFiltersThemByPattern() {
		NatsKeyValueTemplate template = templateForNewBucket();
		assertThat(template.keys()).isEmpty();
		template.put("orders.eu.1", "a");
		template.put("orders.eu.2", "b");
		template.put("orders.us.1", "c");
		template.put("customers.1", "d");
		template.put("orders.eu.3", "e");
		template.delete("orders.eu.3");
		assertThat(template.keys()).containsExactlyInAnyOrder("orders.eu.1", "orders.eu.2", "orders.us.1",
				"customers.1");
		assertThat(template.keys("orders.eu.*")).containsExactlyInAnyOrder("orders.eu.1", "orders.eu.2");
		assertThat(template.keys("orders.>")).containsExactlyInAnyOrder("orders.eu.1", "orders.eu.2", "orders.us.1");
		assertThat(template.keys("*.1")).containsExactly("customers.1");
		assertThat(template.keys("orders.us.1")).containsExactly("orders.us.1");
	}

	@Test
	void watchSeesPutsAndDeletesWithTypedValuesUntilClosed() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("orders.before", new Order("o-0", 1, List.of()));
		BlockingQueue<KeyValueChange<Order>> changes = new LinkedBlockingQueue<>();
		Order order = new Order("o-1", 2, List.of("fig"));
		long putRevision;
		try (KeyValueWatch watch = template.watch("orders.*", Order.class, changes::add)) {
			assertThat(watch.getBucket()).isEqualTo(template.getBucket());
			assertThat(watch.getPattern()).isEqualTo("orders.*");
			template.put("customers.1", new Order("c", 0, List.of()));
			putRevision = template.put("orders.o-1", order);
			template.delete("orders.o-1");
			template.put("orders.o-2", order);
			template.purge("orders.o-2");
			KeyValueChange<Order> put = next(changes);
			assertThat(put.key()).isEqualTo("orders.o-1");
			assertThat(put.value()).isEqualTo(order);
			assertThat(put.revision()).isEqualTo(putRevision);
			assertThat(put.operation()).isEqualTo(Operation.PUT);
			assertThat(put.created()).isNotNull();
			KeyValueChange<Order> delete = next(changes);
			assertThat(delete.key()).isEqualTo("orders.o-1");
			assertThat(delete.value()).isNull();
			assertThat(delete.revision()).isGreaterThan(putRevision);
			assertThat(delete.operation()).isEqualTo(Operation.DELETE);
			assertThat(next(changes).operation()).isEqualTo(Operation.PUT);
			assertThat(next(changes)).extracting(KeyValueChange::key, KeyValueChange::value, KeyValueChange::operation)
				.containsExactly("orders.o-2", null, Operation.PURGE);
			watch.close();
			assertThat(watch.isClosed()).isTrue();
		}
		template.put("orders.o-3", order);
		assertThat(changes.poll(500, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void watchFromTheCurrentValuesDeliversTheLatestEntryOfEachKeyFirst() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket(5);
		template.put("a", "a1");
		template.put("a", "a2");
		template.put("b", "b1");
		BlockingQueue<KeyValueChange<String>> changes = new LinkedBlockingQueue<>();
		try (KeyValueWatch watch = template.watch(">", String.class, KeyValueWatchStart.CURRENT_VALUES,
				changes::add)) {
			assertThat(next(changes).value()).isEqualTo("a2");
			assertThat(next(changes).value()).isEqualTo("b1");
			template.put("c", "c1");
			assertThat(next(changes).value()).isEqualTo("c1");
		}
	}

	@Test
	void watchWithHistoryDeliversEveryStoredRevisionFirst() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket(5);
		template.put("a", "a1");
		template.put("a", "a2");
		BlockingQueue<KeyValueChange<String>> changes = new LinkedBlockingQueue<>();
		try (KeyValueWatch watch = template.watch("a", String.class, KeyValueWatchStart.HISTORY, changes::add)) {
			assertThat(next(changes).value()).isEqualTo("a1");
			assertThat(next(changes).value()).isEqualTo("a2");
		}
	}

	@Test
	void aThrowingWatchCallbackDoesNotStopLaterNotifications(CapturedOutput output) throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket();
		BlockingQueue<KeyValueChange<String>> changes = new LinkedBlockingQueue<>();
		try (KeyValueWatch watch = template.watch(">", String.class, (change) -> {
			if (change.key().equals("boom")) {
				throw new IllegalStateException("callback failure");
			}
			if (change.key().equals("error")) {
				throw new AssertionError("callback error");
			}
			changes.add(change);
		})) {
			template.put("boom", "x");
			template.put("error", "y");
			template.put("fine", "z");
			assertThat(next(changes).key()).isEqualTo("fine");
		}
		assertThat(output).contains("failed to handle the change of key 'boom'")
			.contains("callback failure")
			.contains("failed to handle the change of key 'error'");
	}

	@Test
	void aValueThatCannotBeConvertedIsLoggedAndTheWatchCarriesOn(CapturedOutput output) throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket();
		BlockingQueue<KeyValueChange<Order>> changes = new LinkedBlockingQueue<>();
		try (KeyValueWatch watch = template.watch(">", Order.class, changes::add)) {
			template.put("bad", "not json");
			template.put("good", new Order("o", 1, List.of()));
			assertThat(next(changes).key()).isEqualTo("good");
		}
		assertThat(output).contains("failed to handle the change of key 'bad'")
			.contains("Could not convert the value of key 'bad'");
	}

	@Test
	void aValueThatCannotBeConvertedFailsGetWithTheKeyAndBucket() {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("bad", "not json");
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> template.get("bad", Order.class))
			.withMessageContaining("key 'bad'")
			.withMessageContaining("bucket '" + template.getBucket() + "'")
			.withMessageContaining(Order.class.getName());
	}

	@Test
	void refreshKeepsAKeyAlivePastTheBucketTtl() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket(1, Duration.ofSeconds(2));
		template.put("refreshed", new Order("o-1", 1, List.of("kept")));
		template.put("forgotten", "bye");
		Instant end = Instant.now().plusSeconds(4);
		long revision = template.get("refreshed", Order.class).revision();
		while (Instant.now().isBefore(end)) {
			Thread.sleep(500);
			long refreshed = template.refresh("refreshed");
			assertThat(refreshed).isGreaterThan(revision);
			revision = refreshed;
		}
		assertThat(template.get("refreshed", Order.class).value()).isEqualTo(new Order("o-1", 1, List.of("kept")));
		await().atMost(Duration.ofSeconds(3)).until(() -> template.get("forgotten", String.class) == null);
		assertThat(template.keys()).containsExactly("refreshed");
	}

	@Test
	void refreshOfAMissingKeyFailsWithKeyNotFound() {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("deleted", "x");
		template.delete("deleted");
		for (String key : List.of("absent", "deleted")) {
			assertThatExceptionOfType(NatsKeyNotFoundException.class).isThrownBy(() -> template.refresh(key))
				.withMessageContaining("refresh key '" + key + "' in bucket '" + template.getBucket() + "'")
				.withMessageContaining("does not exist");
		}
		assertThat(template.get("absent", String.class)).isNull();
	}

	@Test
	void aMissingBucketFailsWithAnExceptionNamingIt() {
		NatsKeyValueTemplate template = new NatsKeyValueTemplate(connection, "no-such-bucket", converter);
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class)
			.isThrownBy(() -> template.get("a", String.class))
			.withMessageContaining("Key-value bucket 'no-such-bucket' does not exist")
			.satisfies((ex) -> {
				assertThat(ex.getBucket()).isEqualTo("no-such-bucket");
				assertThat(ex.getKey()).isEqualTo("a");
			});
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class).isThrownBy(() -> template.put("a", "v"));
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class)
			.isThrownBy(() -> template.watch(">", String.class, (change) -> {
			}));
	}

	@Test
	void aBucketCreatedAfterTheTemplateIsFoundOnFirstUse() throws Exception {
		String bucket = nextBucketName();
		NatsKeyValueTemplate template = new NatsKeyValueTemplate(connection, bucket, converter);
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class).isThrownBy(() -> template.keys());
		createBucket(bucket, 1, null);
		template.put("a", "v");
		assertThat(template.keys()).containsExactly("a");
	}

	@Test
	void aBucketDeletedWhileInUseFailsWithAnExceptionNamingItAndIsFoundAgainWhenRecreated() throws Exception {
		NatsKeyValueTemplate template = templateForNewBucket();
		template.put("a", "v");
		connection.keyValueManagement().delete(template.getBucket());
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class)
			.isThrownBy(() -> template.get("a", String.class))
			.withMessageContaining("'" + template.getBucket() + "' does not exist");
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class).isThrownBy(() -> template.put("a", "v"));
		assertThatExceptionOfType(NatsKeyValueBucketNotFoundException.class).isThrownBy(() -> template.keys());
		createBucket(template.getBucket(), 1, null);
		template.put("b", "v");
		assertThat(template.get("b", String.class).value()).isEqualTo("v");
	}

	@Test
	void invalidKeysAreRejectedWithoutReachingTheServer() {
		NatsKeyValueTemplate template = templateForNewBucket();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> template.put("bad key", "v"))
			.withMessage("Invalid key 'bad key' for bucket '" + template.getBucket()
					+ "': it contains the character U+0020; only letters, digits and '-', '/', '_', '=', '.' are allowed");
		assertThat(template.keys()).isEmpty();
	}

	private static <T> KeyValueChange<T> next(BlockingQueue<KeyValueChange<T>> changes) throws InterruptedException {
		KeyValueChange<T> change = changes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(change).as("change within " + WAIT).isNotNull();
		return change;
	}

	private static NatsKeyValueTemplate templateForNewBucket() {
		return templateForNewBucket(1);
	}

	private static NatsKeyValueTemplate templateForNewBucket(int history) {
		return templateForNewBucket(history, null);
	}

	private static NatsKeyValueTemplate templateForNewBucket(int history, Duration ttl) {
		String bucket = nextBucketName();
		createBucket(bucket, history, ttl);
		return new NatsKeyValueTemplate(connection, bucket, converter);
	}

	private static String nextBucketName() {
		return "test-" + bucketCounter.incrementAndGet();
	}

	private static void createBucket(String bucket, int history, Duration ttl) {
		try {
			KeyValueConfiguration.Builder builder = KeyValueConfiguration.builder()
				.name(bucket)
				.maxHistoryPerKey(history)
				.storageType(StorageType.File);
			if (ttl != null) {
				builder.ttl(ttl);
			}
			connection.keyValueManagement().create(builder.build());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create bucket " + bucket, ex);
		}
	}

	record Order(String id, int quantity, List<String> items) {
	}

}
