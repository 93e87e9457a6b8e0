package io.github.natsboot.objectstore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.objectstore.ObjectChange.Operation;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link NatsObjectStoreTemplate} against a real {@code nats-server} with
 * JetStream. Each test works in a bucket of its own.
 */
@EmbeddedNats
@ExtendWith(OutputCaptureExtension.class)
class ObjectStoreTemplateIntegrationTests {

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
	void bytesRoundTripWithTheirSizeAndSha256Digest() throws Exception {
		ObjectStoreOperations store = storeForNewBucket();
		byte[] content = randomBytes(300_000);
		Instant before = Instant.now().minusSeconds(1);
		StoredObject stored = store.put("reports/2024/q1.bin", content);
		assertThat(stored.bucket()).isEqualTo(store.getBucket());
		assertThat(stored.name()).isEqualTo("reports/2024/q1.bin");
		assertThat(stored.size()).isEqualTo(300_000);
		assertThat(stored.chunks()).isEqualTo(3);
		assertThat(stored.digest()).isEqualTo("SHA-256=" + Base64.getUrlEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(stored.modified()).isAfter(before);
		assertThat(stored.isLink()).isFalse();
		assertThat(store.getBytes("reports/2024/q1.bin")).isEqualTo(content);
	}

	@Test
	void anInputStreamIsStoredAndReadBackIntoAnOutputStreamWithoutBeingClosed() {
		ObjectStoreOperations store = storeForNewBucket();
		byte[] content = randomBytes(200_000);
		TrackingInputStream input = new TrackingInputStream(content);
		store.put("streamed", input);
		assertThat(input.closed).isFalse();
		TrackingOutputStream output = new TrackingOutputStream();
		StoredObject read = store.get("streamed", output);
		assertThat(output.toByteArray()).isEqualTo(content);
		assertThat(output.closed).isFalse();
		assertThat(read.name()).isEqualTo("streamed");
		assertThat(read.size()).isEqualTo(200_000);
	}

	@Test
	void aFileIsStoredUnderTheGivenName(@TempDir Path directory) throws IOException {
		ObjectStoreOperations store = storeForNewBucket();
		Path file = directory.resolve("upload.txt");
		Files.writeString(file, "file content");
		assertThat(store.put("docs/readme", file).size()).isEqualTo(12);
		assertThat(store.getBytes("docs/readme")).asString(StandardCharsets.UTF_8).isEqualTo("file content");
		assertThat(store.info("upload.txt")).isNull();
	}

	@Test
	void aMissingFileFailsNamingTheFileAndTheObject(@TempDir Path directory) {
		ObjectStoreOperations store = storeForNewBucket();
		Path missing = directory.resolve("missing.txt");
		assertThatExceptionOfType(NatsObjectStoreException.class).isThrownBy(() -> store.put("docs", missing))
			.withMessageContaining("object 'docs'")
			.withMessageContaining(missing.toString());
	}

	@Test
	void anEmptyObjectRoundTrips() {
		ObjectStoreOperations store = storeForNewBucket();
		assertThat(store.put("empty", new byte[0]).size()).isZero();
		assertThat(store.getBytes("empty")).isEmpty();
		assertThat(store.get("empty", String.class)).isEmpty();
	}

	@Test
	void aRecordIsStoredAsJsonWithItsContentTypeAndReadBackAsTheRecord() {
		ObjectStoreOperations store = storeForNewBucket();
		Report report = new Report("q1", 42, List.of("north", "south"));
		StoredObject stored = store.put("report", (Object) report);
		assertThat(stored.contentType()).isEqualTo(DefaultNatsMessageConverter.APPLICATION_JSON);
		assertThat(store.get("report", Report.class)).isEqualTo(report);
		assertThat(new String(store.getBytes("report"), StandardCharsets.UTF_8))
			.isEqualTo("{\"name\":\"q1\",\"pages\":42,\"regions\":[\"north\",\"south\"]}");
		assertThat(store.info("report").headers()).containsKey("Content-Type");
	}

	@Test
	void aStringIsStoredAsUtf8Text() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("text", "h\u00e9llo");
		assertThat(store.getBytes("text")).isEqualTo("h\u00e9llo".getBytes(StandardCharsets.UTF_8));
		assertThat(store.get("text", String.class)).isEqualTo("h\u00e9llo");
		assertThat(store.info("text").contentType()).startsWith("text/plain");
	}

	@Test
	void streamsBytesAndPathsPassedAsObjectsAreStoredAsContentNotConverted() {
		ObjectStoreOperations store = storeForNewBucket();
		Object stream = new ByteArrayInputStream(new byte[] { 1, 2, 3 });
		Object bytes = new byte[] { 4, 5 };
		store.put("stream", stream);
		store.put("bytes", bytes);
		assertThat(store.getBytes("stream")).containsExactly(1, 2, 3);
		assertThat(store.getBytes("bytes")).containsExactly(4, 5);
		assertThat(store.info("bytes").contentType()).isNull();
	}

	@Test
	void contentThatCannotBeConvertedFailsNamingTheObjectAndTheType() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("not-json", "plain words");
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> store.get("not-json", Report.class))
			.withMessageContaining("object 'not-json'")
			.withMessageContaining(Report.class.getName());
	}

	@Test
	void puttingUnderAnExistingNameReplacesTheObject() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("doc", (Object) new Report("first", 1, List.of()));
		store.put("doc", "second".getBytes(StandardCharsets.UTF_8));
		assertThat(store.getBytes("doc")).asString(StandardCharsets.UTF_8).isEqualTo("second");
		assertThat(store.info("doc").contentType()).isNull();
		assertThat(store.list()).extracting(StoredObject::name).containsExactly("doc");
	}

	@Test
	void infoDescribesAnObjectWithoutReadingItAndIsNullWhenAbsent() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("a", new byte[1000]);
		StoredObject info = store.info("a");
		assertThat(info.size()).isEqualTo(1000);
		assertThat(info.chunks()).isEqualTo(1);
		assertThat(info.digest()).startsWith("SHA-256=");
		assertThat(store.info("absent")).isNull();
	}

	@Test
	void listShowsObjectsAndLinksButNotDeletedObjects() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("a", new byte[] { 1 });
		store.put("b", new byte[] { 2 });
		store.put("c", new byte[] { 3 });
		store.link("link-to-a", "a");
		assertThat(store.delete("b")).isTrue();
		assertThat(store.list()).extracting(StoredObject::name).containsExactlyInAnyOrder("a", "c", "link-to-a");
	}

	@Test
	void deleteRemovesTheObjectAndReportsWhetherThereWasOne() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("gone", new byte[] { 1, 2 });
		assertThat(store.delete("gone")).isTrue();
		assertThat(store.info("gone")).isNull();
		assertThat(store.delete("gone")).isFalse();
		assertThat(store.delete("never")).isFalse();
	}

	@Test
	void aLinkToAnObjectIsReadAsThatObject() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("original", (Object) new Report("linked", 7, List.of("east")));
		StoredObject link = store.link("alias", "original");
		assertThat(link.isLink()).isTrue();
		assertThat(link.link()).isEqualTo(new StoredObject.Link(store.getBucket(), "original"));
		assertThat(link.link().isBucketLink()).isFalse();
		assertThat(store.get("alias", Report.class)).isEqualTo(new Report("linked", 7, List.of("east")));
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		assertThat(store.get("alias", content).name()).isEqualTo("original");
		assertThat(store.info("alias").link().name()).isEqualTo("original");
	}

	@Test
	void aLinkToAnObjectOfAnotherBucketIsReadAcrossBuckets() {
		ObjectStoreOperations store = storeForNewBucket();
		ObjectStoreOperations other = storeForNewBucket();
		other.put("shared", "from the other bucket");
		StoredObject link = store.link("shared-here", other.getBucket(), "shared");
		assertThat(link.link()).isEqualTo(new StoredObject.Link(other.getBucket(), "shared"));
		assertThat(store.get("shared-here", String.class)).isEqualTo("from the other bucket");
	}

	@Test
	void aLinkToABucketNamesTheBucketAndCannotBeReadAsContent() {
		ObjectStoreOperations store = storeForNewBucket();
		ObjectStoreOperations other = storeForNewBucket();
		StoredObject link = store.linkBucket("everything", other.getBucket());
		assertThat(link.link()).isEqualTo(new StoredObject.Link(other.getBucket(), null));
		assertThat(link.link().isBucketLink()).isTrue();
		assertThatExceptionOfType(NatsObjectStoreException.class).isThrownBy(() -> store.getBytes("everything"))
			.withMessageContaining("object 'everything'")
			.withMessageContaining("link to a bucket");
	}

	@Test
	void linkingToAnAbsentObjectOrBucketFailsNamingIt() {
		ObjectStoreOperations store = storeForNewBucket();
		assertThatExceptionOfType(NatsObjectNotFoundException.class).isThrownBy(() -> store.link("alias", "absent"))
			.withMessageContaining("object 'absent'")
			.satisfies((ex) -> assertThat(ex.getObjectName()).isEqualTo("absent"));
		String missingBucket = "missing-" + bucketCounter.incrementAndGet();
		assertThatExceptionOfType(NatsObjectStoreBucketNotFoundException.class)
			.isThrownBy(() -> store.link("alias", missingBucket, "absent"))
			.satisfies((ex) -> assertThat(ex.getBucket()).isEqualTo(missingBucket));
		assertThatExceptionOfType(NatsObjectStoreBucketNotFoundException.class)
			.isThrownBy(() -> store.linkBucket("alias", missingBucket))
			.withMessageContaining("Object store '" + missingBucket + "' does not exist");
	}

	@Test
	void aLinkCannotTakeTheNameOfAnExistingObject() {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("a", new byte[] { 1 });
		store.put("b", new byte[] { 2 });
		assertThatExceptionOfType(NatsObjectStoreException.class).isThrownBy(() -> store.link("b", "a"))
			.withMessageContaining("object 'b'")
			.withMessageContaining("already exists");
		assertThat(store.getBytes("b")).containsExactly(2);
	}

	@Test
	void aWatchSeesPutsAndDeletesFromNowOnUntilClosed() throws Exception {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("before", new byte[] { 1 });
		BlockingQueue<ObjectChange> changes = new LinkedBlockingQueue<>();
		try (ObjectStoreWatch watch = store.watch(changes::add)) {
			assertThat(watch.getBucket()).isEqualTo(store.getBucket());
			store.put("after", new byte[] { 1, 2, 3 });
			store.delete("before");
			ObjectChange put = changes.poll(5, TimeUnit.SECONDS);
			assertThat(put.operation()).isEqualTo(Operation.PUT);
			assertThat(put.name()).isEqualTo("after");
			assertThat(put.object().size()).isEqualTo(3);
			ObjectChange delete = changes.poll(5, TimeUnit.SECONDS);
			assertThat(delete.operation()).isEqualTo(Operation.DELETE);
			assertThat(delete.name()).isEqualTo("before");
			watch.close();
			assertThat(watch.isClosed()).isTrue();
			store.put("closed", new byte[] { 1 });
			assertThat(changes.poll(300, TimeUnit.MILLISECONDS)).isNull();
		}
	}

	@Test
	void aWatchFromTheCurrentObjectsDeliversThemFirst() throws Exception {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("one", new byte[] { 1 });
		store.put("two", new byte[] { 2 });
		BlockingQueue<ObjectChange> changes = new LinkedBlockingQueue<>();
		try (ObjectStoreWatch watch = store.watch(ObjectStoreWatchStart.CURRENT_OBJECTS, changes::add)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() >= 2);
			assertThat(changes).extracting(ObjectChange::name).containsExactlyInAnyOrder("one", "two");
		}
	}

	@Test
	void aWatchWhoseCallbackThrowsLogsAndCarriesOn(CapturedOutput output) throws Exception {
		ObjectStoreOperations store = storeForNewBucket();
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		try (ObjectStoreWatch watch = store.watch((change) -> {
			seen.add(change.name());
			if (change.name().equals("bad")) {
				throw new IllegalStateException("boom");
			}
		})) {
			store.put("bad", new byte[] { 1 });
			store.put("good", new byte[] { 2 });
			assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("bad");
			assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("good");
		}
		assertThat(output).contains("Watch of object store '" + store.getBucket()
				+ "' failed to handle the change of object 'bad'");
	}

	@Test
	void anAbsentObjectFailsEveryReadNamingTheObjectAndTheBucket() {
		ObjectStoreOperations store = storeForNewBucket();
		assertThatExceptionOfType(NatsObjectNotFoundException.class).isThrownBy(() -> store.getBytes("nothing"))
			.withMessage("Could not get object 'nothing' in object store '" + store.getBucket()
					+ "': the object does not exist (never put, or deleted)")
			.satisfies((ex) -> {
				assertThat(ex.getBucket()).isEqualTo(store.getBucket());
				assertThat(ex.getObjectName()).isEqualTo("nothing");
			});
		assertThatExceptionOfType(NatsObjectNotFoundException.class)
			.isThrownBy(() -> store.get("nothing", new ByteArrayOutputStream()));
		assertThatExceptionOfType(NatsObjectNotFoundException.class)
			.isThrownBy(() -> store.get("nothing", Report.class));
	}

	@Test
	void aMissingBucketFailsEveryOperationNamingIt() {
		String bucket = "missing-" + bucketCounter.incrementAndGet();
		ObjectStoreOperations store = new NatsObjectStoreTemplate(connection, bucket, converter);
		List<Runnable> operations = List.of(() -> store.put("a", new byte[] { 1 }), () -> store.getBytes("a"),
				() -> store.info("a"), store::list, () -> store.delete("a"), () -> store.watch((change) -> {
				}));
		for (Runnable operation : operations) {
			assertThatExceptionOfType(NatsObjectStoreBucketNotFoundException.class).isThrownBy(operation::run)
				.withMessageStartingWith("Object store '" + bucket + "' does not exist (no JetStream stream 'OBJ_"
						+ bucket + "')")
				.satisfies((ex) -> assertThat(ex.getBucket()).isEqualTo(bucket));
		}
	}

	@Test
	void aBucketDeletedWhileInUseIsReportedAsMissing() throws Exception {
		ObjectStoreOperations store = storeForNewBucket();
		store.put("a", new byte[] { 1 });
		connection.objectStoreManagement().delete(store.getBucket());
		assertThatExceptionOfType(NatsObjectStoreBucketNotFoundException.class)
			.isThrownBy(() -> store.put("b", new byte[] { 2 }))
			.satisfies((ex) -> assertThat(ex.getObjectName()).isEqualTo("b"));
	}

	@Test
	void invalidNamesAreRejectedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NatsObjectStoreTemplate(connection, "has space", converter))
			.withMessageContaining("Invalid object store bucket name 'has space'");
		ObjectStoreOperations store = storeForNewBucket();
		assertThatIllegalArgumentException().isThrownBy(() -> store.put("", new byte[0]))
			.withMessageContaining("non-empty object name");
		assertThatIllegalArgumentException().isThrownBy(() -> store.put("x", (Object) null))
			.withMessageContaining("must not be null");
	}

	@Test
	void theTemplateHandsOutOneObjectStorePerBucket() {
		ObjectStoreOperations store = storeForNewBucket();
		NatsTemplate template = new NatsTemplate(connection, converter);
		ObjectStoreOperations operations = template.objectStore(store.getBucket());
		assertThat(template.objectStore(store.getBucket())).isSameAs(operations);
		operations.put("via-template", (Object) new Report("t", 1, List.of()));
		assertThat(store.get("via-template", Report.class)).isEqualTo(new Report("t", 1, List.of()));
	}

	private static ObjectStoreOperations storeForNewBucket() {
		String bucket = "objects-" + bucketCounter.incrementAndGet();
		try {
			connection.objectStoreManagement()
				.create(ObjectStoreConfiguration.builder(bucket).storageType(StorageType.Memory).build());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new NatsObjectStoreTemplate(connection, bucket, converter);
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	record Report(String name, int pages, List<String> regions) {
	}

	static final class TrackingInputStream extends ByteArrayInputStream {

		private boolean closed;

		TrackingInputStream(byte[] content) {
			super(content);
		}

		@Override
		public void close() throws IOException {
			this.closed = true;
			super.close();
		}

	}

	static final class TrackingOutputStream extends ByteArrayOutputStream {

		private boolean closed;

		@Override
		public void close() throws IOException {
			this.closed = true;
			super.close();
		}

	}

}
