package io.github.natsboot.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.natsboot.core.NatsHeaders;
import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JetStreamReader} against a real {@code nats-server} with JetStream.
 * Each test replays a stream of its own.
 */
@EmbeddedNats
class JetStreamReaderIntegrationTests {

	private static final Duration AT_ONCE = Duration.ofSeconds(1);

	private static final AtomicInteger streamCounter = new AtomicInteger();

	private static final NatsMessageConverter converter = new DefaultNatsMessageConverter(
			new JacksonJsonCodec(JsonMapper.builder().build()));

	private static Connection connection;

	private static JetStreamManagement management;

	private static NatsTemplate template;

	private static JetStreamReader reader;

	@BeforeAll
	static void connect(NatsServer server) throws Exception {
		connection = Nats.connect(server.getUrl());
		management = connection.jetStreamManagement();
		template = new NatsTemplate(connection, converter);
		reader = new JetStreamReader(connection, converter);
	}

	@AfterAll
	static void disconnect() throws InterruptedException {
		if (connection != null) {
			connection.close();
		}
	}

	@Test
	void aReplayDeliversEveryMessageInStreamOrderAndLeavesNoConsumerBehind() throws Exception {
		String stream = createStream();
		Instant before = Instant.now().minusSeconds(1);
		publish(stream + ".created", 0, 3);
		publish(stream + ".shipped", 3, 2);
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).build(), Order.class, replayed::add);
		assertThat(replayed).extracting(ReplayedMessage::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(replayed).extracting(ReplayedMessage::value)
			.containsExactly(new Order("o-0", 0), new Order("o-1", 1), new Order("o-2", 2), new Order("o-3", 3),
					new Order("o-4", 4));
		assertThat(replayed).extracting(ReplayedMessage::subject)
			.containsExactly(stream + ".created", stream + ".created", stream + ".created", stream + ".shipped",
					stream + ".shipped");
		assertThat(replayed.get(0).headers().getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(replayed).allSatisfy((message) -> assertThat(message.timestamp()).isAfter(before)
			.isBefore(Instant.now().plusSeconds(1)));
		assertThat(result.stream()).isEqualTo(stream);
		assertThat(result.count()).isEqualTo(5);
		assertThat(result.firstSequence()).isEqualTo(1);
		assertThat(result.lastSequence()).isEqualTo(5);
		assertThat(result.endSequence()).isEqualTo(5);
		assertThat(result.completed()).isTrue();
		assertThat(result.duration()).isPositive().isLessThan(AT_ONCE);
		assertThat(management.getConsumerNames(stream)).isEmpty();
	}

	@Test
	void aReplayFromASequenceStartsAtThatSequence() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 10);
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).startSequence(7).build(), Order.class,
				replayed::add);
		assertThat(replayed).extracting(ReplayedMessage::sequence).containsExactly(7L, 8L, 9L, 10L);
		assertThat(replayed.get(0).value()).isEqualTo(new Order("o-6", 6));
		assertThat(result.count()).isEqualTo(4);
		assertThat(result.firstSequence()).isEqualTo(7);
		assertThat(result.completed()).isTrue();
	}

	@Test
	void aReplayFromATimeDeliversOnlyTheMessagesStoredSinceThen() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 5);
		Thread.sleep(50);
		Instant noted = Instant.now();
		Thread.sleep(50);
		publish(stream + ".created", 5, 5);
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).startTime(noted).build(), Order.class,
				replayed::add);
		assertThat(replayed).extracting(ReplayedMessage::sequence).containsExactly(6L, 7L, 8L, 9L, 10L);
		assertThat(replayed).allSatisfy((message) -> assertThat(message.timestamp()).isAfter(noted));
		assertThat(result.completed()).isTrue();
	}

	@Test
	void aReplayOfAWildcardFilterDeliversOnlyMatchingMessagesAndDoesNotWaitForTheStreamsLastSequence()
			throws Exception {
		String stream = createStream();
		publish(stream + ".orders.created", 0, 2);
		publish(stream + ".orders.shipped", 2, 2);
		publish(stream + ".payments.created", 4, 2);
		publish(stream + ".orders.shipped", 6, 2);
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayRequest request = ReplayRequest.builder(stream)
			.filterSubject(stream + ".*.created")
			.timeout(Duration.ofSeconds(10))
			.build();
		ReplayResult result = reader.replay(request, Order.class, replayed::add);
		assertThat(replayed).extracting(ReplayedMessage::sequence).containsExactly(1L, 2L, 5L, 6L);
		assertThat(replayed).extracting(ReplayedMessage::subject)
			.containsExactly(stream + ".orders.created", stream + ".orders.created", stream + ".payments.created",
					stream + ".payments.created");
		assertThat(result.lastSequence()).isEqualTo(6);
		assertThat(result.endSequence()).isEqualTo(8);
		assertThat(result.completed()).isTrue();
		assertThat(result.duration()).isLessThan(AT_ONCE);
	}

	@Test
	void readReturnsExactlyTheMaximumNumberOfMessagesInOrder() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 20);
		List<ReplayedMessage<Order>> firstPage = reader.read(ReplayRequest.builder(stream).build(), Order.class, 5);
		assertThat(firstPage).extracting(ReplayedMessage::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(firstPage).extracting(ReplayedMessage::value)
			.containsExactly(new Order("o-0", 0), new Order("o-1", 1), new Order("o-2", 2), new Order("o-3", 3),
					new Order("o-4", 4));
		List<ReplayedMessage<Order>> lastPage = reader.read(ReplayRequest.builder(stream).startSequence(18).build(),
				Order.class, 5);
		assertThat(lastPage).extracting(ReplayedMessage::sequence).containsExactly(18L, 19L, 20L);
		assertThat(management.getConsumerNames(stream)).isEmpty();
	}

	@Test
	void anEmptyStreamIsReplayedAtOnceWithNothing() throws Exception {
		String stream = createStream();
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).timeout(Duration.ofSeconds(10)).build(),
				Order.class, replayed::add);
		assertThat(replayed).isEmpty();
		assertThat(result.count()).isZero();
		assertThat(result.firstSequence()).isZero();
		assertThat(result.endSequence()).isZero();
		assertThat(result.completed()).isTrue();
		assertThat(result.duration()).isLessThan(AT_ONCE);
	}

	@Test
	void aStartAfterTheLastMessageIsReplayedAtOnceWithNothing() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 3);
		Thread.sleep(20);
		Instant afterLast = Instant.now();
		assertNothingReplayedAtOnce(ReplayRequest.builder(stream).startSequence(4));
		assertNothingReplayedAtOnce(ReplayRequest.builder(stream).startTime(afterLast));
		assertNothingReplayedAtOnce(ReplayRequest.builder(stream).filterSubject(stream + ".shipped"));
		assertThat(management.getConsumerNames(stream)).isEmpty();
	}

	@Test
	void aMissingStreamFailsAtOnceNamingTheStream() {
		long started = System.nanoTime();
		assertThatExceptionOfType(ReplayStreamNotFoundException.class)
			.isThrownBy(() -> reader.replay(ReplayRequest.builder("NO_SUCH_STREAM").build(), Order.class,
					(message) -> {
					}))
			.withMessage("Cannot replay stream 'NO_SUCH_STREAM': it does not exist")
			.satisfies((ex) -> assertThat(ex.getStream()).isEqualTo("NO_SUCH_STREAM"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
	}

	@Test
	void aFilterOutsideTheStreamsSubjectsFailsNamingTheFilter() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 1);
		assertThatExceptionOfType(ReplayException.class)
			.isThrownBy(() -> reader.read(ReplayRequest.builder(stream).filterSubject("elsewhere.>").build(),
					Order.class, 10))
			.withMessageContaining("stream '" + stream + "'")
			.withMessageContaining("filter subject 'elsewhere.>' is not within the stream's subjects");
	}

	@Test
	void aThrowingCallbackStopsTheReplayNamingTheSequence() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 10);
		List<Long> handled = new ArrayList<>();
		IllegalStateException failure = new IllegalStateException("read model is broken");
		assertThatExceptionOfType(ReplayMessageException.class)
			.isThrownBy(() -> reader.replay(ReplayRequest.builder(stream).build(), Order.class, (message) -> {
				handled.add(message.sequence());
				if (message.sequence() == 4) {
					throw failure;
				}
			}))
			.withMessage("Replay of stream '" + stream + "' stopped at sequence 4 (subject '" + stream
					+ ".created'): the callback failed: read model is broken")
			.withCause(failure)
			.satisfies((ex) -> {
				assertThat(ex.getSequence()).isEqualTo(4);
				assertThat(ex.getSubject()).isEqualTo(stream + ".created");
			});
		assertThat(handled).containsExactly(1L, 2L, 3L, 4L);
		assertThat(management.getConsumerNames(stream)).isEmpty();
	}

	@Test
	void aPayloadThatCannotBeConvertedStopsTheReplayNamingTheSequence() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 2);
		template.publishToStream(stream + ".created", "not an order");
		assertThatExceptionOfType(ReplayMessageException.class)
			.isThrownBy(() -> reader.read(ReplayRequest.builder(stream).build(), Order.class, 10))
			.withMessageStartingWith("Replay of stream '" + stream + "' stopped at sequence 3")
			.withMessageContaining("its payload could not be read as " + Order.class.getName())
			.satisfies((ex) -> assertThat(ex.getSequence()).isEqualTo(3));
		assertThat(reader.read(ReplayRequest.builder(stream).startSequence(3).build(), String.class, 10))
			.extracting(ReplayedMessage::value)
			.containsExactly("not an order");
	}

	@Test
	void messagesPublishedDuringTheReplayAreNotWaitedFor() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 100);
		List<Long> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).build(), Order.class, (message) -> {
			if (message.sequence() == 1) {
				publish(stream + ".created", 100, 50);
			}
			replayed.add(message.sequence());
		});
		assertThat(replayed).hasSize(100).last().isEqualTo(100L);
		assertThat(result.endSequence()).isEqualTo(100);
		assertThat(result.completed()).isTrue();
		assertThat(management.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(150);
	}

	@Test
	void aReplayThatRunsOutOfTimeReturnsWhatItDeliveredAsIncomplete() throws Exception {
		String stream = createStream();
		publish(stream + ".created", 0, 5);
		List<Long> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(ReplayRequest.builder(stream).timeout(Duration.ofMillis(300)).build(),
				Order.class, (message) -> {
					replayed.add(message.sequence());
					sleep(200);
				});
		assertThat(result.completed()).isFalse();
		assertThat(result.count()).isEqualTo(replayed.size()).isBetween(1L, 4L);
		assertThat(result.lastSequence()).isEqualTo(replayed.get(replayed.size() - 1));
		assertThat(result.endSequence()).isEqualTo(5);
	}

	@Test
	void aReplayWithoutJetStreamFailsClearly() {
		try (NatsServer plain = NatsServer.builder().jetStream(false).start();
				Connection plainConnection = Nats.connect(plain.getUrl())) {
			JetStreamReader plainReader = new JetStreamReader(plainConnection, converter);
			assertThatExceptionOfType(ReplayException.class)
				.isThrownBy(() -> plainReader.replay(ReplayRequest.builder("orders").build(), Order.class,
						(message) -> {
						}))
				.withMessageStartingWith("Cannot replay stream 'orders': ")
				.withMessageEndingWith("(is JetStream enabled on the server?)");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void tenThousandMessagesReplayFast() throws Exception {
		String stream = createStream();
		int messages = 10_000;
		publish(stream + ".created", 0, messages);
		for (String pass : List.of("first", "second")) {
			AtomicInteger outOfOrder = new AtomicInteger();
			long[] previous = { 0 };
			ReplayResult result = reader.replay(ReplayRequest.builder(stream).build(), Order.class, (message) -> {
				if (message.sequence() != previous[0] + 1) {
					outOfOrder.incrementAndGet();
				}
				previous[0] = message.sequence();
			});
			long micros = Math.max(1, result.duration().toNanos() / 1000);
			System.out.printf("JetStreamReader, %s pass: replayed %d messages in %d ms (%d msg/s)%n", pass,
					result.count(), micros / 1000, result.count() * 1_000_000 / micros);
			assertThat(result.count()).isEqualTo(messages);
			assertThat(result.lastSequence()).isEqualTo(messages);
			assertThat(outOfOrder).hasValue(0);
			assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
		}
	}

	private void assertNothingReplayedAtOnce(ReplayRequest.Builder request) {
		List<ReplayedMessage<Order>> replayed = new ArrayList<>();
		ReplayResult result = reader.replay(request.timeout(Duration.ofSeconds(10)).build(), Order.class,
				replayed::add);
		assertThat(replayed).isEmpty();
		assertThat(result.count()).isZero();
		assertThat(result.completed()).isTrue();
		assertThat(result.duration()).isLessThan(AT_ONCE);
	}

	private static String createStream() throws Exception {
		String name = "replay" + streamCounter.incrementAndGet();
		management.addStream(
				StreamConfiguration.builder().name(name).subjects(name + ".>").storageType(StorageType.File).build());
		return name;
	}

	private static void publish(String subject, int firstId, int count) {
		List<CompletableFuture<PublishAck>> acks = new ArrayList<>(count);
		for (int i = firstId; i < firstId + count; i++) {
			acks.add(template.publishToStreamAsync(subject, new Order("o-" + i, i)));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Order(String id, int quantity) {

	}

}
