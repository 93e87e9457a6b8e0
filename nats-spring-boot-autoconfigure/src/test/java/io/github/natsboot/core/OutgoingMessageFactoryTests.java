package io.github.natsboot.core;

import java.util.List;

import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;
import io.github.natsboot.core.convert.PayloadConversionException;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutgoingMessageFactoryTests {

	private final DefaultNatsMessageConverter converter = new DefaultNatsMessageConverter(
			new JacksonJsonCodec(JsonMapper.builder().build()));

	private final OutgoingMessageFactory factory = new OutgoingMessageFactory(this.converter);

	@Test
	void messagesWithoutHeadersShareOneReadOnlyContentTypeHeaderThatJnatsSendsWithoutCopying() {
		OutgoingMessage first = this.factory.create("orders", new Item("a", 1), null, 0);
		OutgoingMessage second = this.factory.create("orders", new Item("b", 2), new Headers(), 0);
		assertThat(first.headers()).isSameAs(second.headers());
		assertThat(first.headers().isReadOnly()).isTrue();
		assertThat(first.headers().getFirst(NatsHeaders.CONTENT_TYPE))
			.isEqualTo(DefaultNatsMessageConverter.APPLICATION_JSON);
		assertThat(this.factory.create("orders", "text", null, 0).headers().getFirst(NatsHeaders.CONTENT_TYPE))
			.isEqualTo(DefaultNatsMessageConverter.TEXT_PLAIN);
	}

	@Test
	void callerHeadersAreCopiedOnceIntoReadOnlyHeadersWithTheContentTypeAndLeftUnchanged() {
		Headers headers = new Headers().put("X-Tenant", "acme");
		OutgoingMessage message = this.factory.create("orders", new Item("a", 1), headers, 0);
		assertThat(message.headers().isReadOnly()).isTrue();
		assertThat(message.headers().getFirst("X-Tenant")).isEqualTo("acme");
		assertThat(message.headers().getFirst(NatsHeaders.CONTENT_TYPE))
			.isEqualTo(DefaultNatsMessageConverter.APPLICATION_JSON);
		assertThat(headers.keySet()).containsExactly("X-Tenant");
	}

	@Test
	void bytesWithoutHeadersAreSentWithoutHeaders() {
		assertThat(this.factory.create("orders", new byte[] { 1 }, null, 0).headers()).isNull();
	}

	@Test
	void jsonIsReadWhateverTheContentTypeItDeclares() {
		byte[] json = "{\"name\":\"a\",\"count\":1}".getBytes();
		for (String contentType : List.of("application/json", "application/json;charset=UTF-8",
				"application/cloudevents+json", "text/plain")) {
			Headers headers = new Headers().put(NatsHeaders.CONTENT_TYPE, contentType);
			assertThat(this.converter.read(json, headers, Item.class)).isEqualTo(new Item("a", 1));
		}
		assertThat(this.converter.read(json, null, Item.class)).isEqualTo(new Item("a", 1));
	}

	@Test
	void aPayloadThatIsNotJsonFailsNamingItsSizeAndContentTypeButNotItsBytes() {
		byte[] text = "hello".getBytes();
		Headers plain = new Headers().put(NatsHeaders.CONTENT_TYPE, "text/plain");
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.read(text, plain, Item.class))
			.withMessage("Payload of 5 bytes is not valid JSON for " + Item.class.getTypeName()
					+ " (content type text/plain)")
			.withCauseInstanceOf(JacksonException.class);
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.read(new byte[] { 0, (byte) 0xFF, 1, (byte) 0xFE }, null, Item.class))
			.withMessage("Payload of 4 bytes is not valid JSON for " + Item.class.getTypeName() + " (no content type)");
	}

	@Test
	void jsonThatDoesNotMatchTheTypeFailsNamingWhereButNotTheValue() {
		byte[] json = "{\"name\":\"a\",\"count\":\"secret-value\"}".getBytes();
		Headers headers = new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(() -> this.converter.read(json, headers, Item.class))
			.withMessage("Payload of " + json.length + " bytes is JSON that does not match " + Item.class.getTypeName()
					+ " at 'count' (content type application/json)")
			.withMessageNotContaining("secret-value");
	}

	record Item(String name, int count) {
	}

}
