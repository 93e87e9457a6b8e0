package io.github.natsboot.kv;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.natsboot.core.convert.DefaultNatsMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Tests for {@link NatsKeyValueTemplate} that need no server: what happens before
 * anything is sent.
 */
class NatsKeyValueTemplateTests {

	private final Connection connection = mock(Connection.class);

	private final NatsKeyValueTemplate template = new NatsKeyValueTemplate(this.connection, "orders",
			new DefaultNatsMessageConverter(null));

	@Test
	void creatingATemplateDoesNotTouchTheConnection() {
		assertThat(this.template.getBucket()).isEqualTo("orders");
		verifyNoInteractions(this.connection);
	}

	@Test
	void theBucketIsLookedUpOnceAndReused() throws Exception {
		KeyValue keyValue = mock(KeyValue.class);
		given(this.connection.keyValue("orders")).willReturn(keyValue);
		this.template.put("a", "1");
		this.template.get("a", String.class);
		this.template.delete("a");
		verify(this.connection, times(1)).keyValue("orders");
		verify(keyValue).delete("a");
	}

	@Test
	void anInterruptedOperationFailsAndKeepsTheThreadInterrupted() throws Exception {
		KeyValue keyValue = mock(KeyValue.class);
		given(this.connection.keyValue("orders")).willReturn(keyValue);
		given(keyValue.keys(">")).willThrow(new InterruptedException());
		try {
			assertThatExceptionOfType(NatsKeyValueException.class).isThrownBy(this.template::keys)
				.withMessage("Interrupted while trying to list keys matching '>' in bucket 'orders'");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidKeys")
	void invalidKeysAreRejectedBeforeAnythingIsSent(String key, String reason) {
		for (Consumer<String> operation : keyOperations()) {
			assertThatIllegalArgumentException().isThrownBy(() -> operation.accept(key))
				.withMessageContaining("'" + key + "'")
				.withMessageContaining("bucket 'orders'")
				.withMessageContaining(reason);
		}
		verifyNoInteractions(this.connection);
	}

	@Test
	void aNullKeyIsRejectedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.put(null, "v"))
			.withMessageContaining("bucket 'orders'");
		verifyNoInteractions(this.connection);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orders.>.x", "orders.a*", "*orders", "a.>>", "a b.*", "", ".>" })
	void invalidPatternsAreRejectedBeforeAnythingIsSent(String pattern) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.keys(pattern))
			.withMessageContaining("Invalid key pattern '" + pattern + "' for bucket 'orders'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.watch(pattern, String.class, (change) -> {
			}))
			.withMessageContaining("Invalid key pattern '" + pattern + "' for bucket 'orders'");
		verifyNoInteractions(this.connection);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "orders.*", "orders.>", ">", "*", "a.*.c", "orders.eu-west/1=x_y" })
	void wildcardsAreAcceptedAsWholeTokensOfAPattern(String pattern) {
		KeyValueNames.validatePattern("orders", pattern);
	}

	@Test
	void aNullValueIsRejectedWithAHintToDelete() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.put("a", null))
			.withMessageContaining("delete(key)");
		verifyNoInteractions(this.connection);
	}

	@Test
	void updateWithoutAPositiveRevisionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.update("a", "v", 0))
			.withMessageContaining("create(key, value)");
		verifyNoInteractions(this.connection);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "my.bucket", "my bucket", "orders>" })
	void anInvalidBucketNameIsRejectedWhenTheTemplateIsCreated(String bucket) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NatsKeyValueTemplate(this.connection, bucket, new DefaultNatsMessageConverter(null)))
			.withMessageContaining("bucket name");
	}

	private List<Consumer<String>> keyOperations() {
		return List.of((key) -> this.template.get(key, String.class), (key) -> this.template.put(key, "v"),
				(key) -> this.template.create(key, "v"), (key) -> this.template.update(key, "v", 1),
				this.template::delete, this.template::purge, this.template::refresh);
	}

	static Stream<Arguments> invalidKeys() {
		return Stream.of(Arguments.of("", "empty"), Arguments.of("   ", "empty"),
				Arguments.of("has space", "U+0020"), Arguments.of("tab\tkey", "U+0009"),
				Arguments.of(".leading", "start or end with '.'"), Arguments.of("trailing.", "start or end with '.'"),
				Arguments.of("a..b", "empty token"), Arguments.of("orders.*", "'*'"), Arguments.of("orders.>", "'>'"),
				Arguments.of("caf\u00e9", "'\u00e9'"), Arguments.of("a:b", "':'"), Arguments.of("$KV", "'$'"));
	}

}
