package io.github.natsboot.core;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedHeadersTests {

	private static final String JSON = "application/json";

	private final RepeatedHeaders repeated = new RepeatedHeaders();

	@Test
	void headersPassedAgainUnchangedGetOneReadOnlyCopySerializedAsJnatsWouldSerializeIt() {
		Headers headers = new Headers().put("X-Tenant", "acme").add("X-Tag", "a", "b");
		Headers first = copy(headers);
		Headers second = copy(headers);
		Headers third = copy(headers);
		assertThat(third).isSameAs(second).isNotSameAs(first);
		Headers expected = new Headers(headers).put(NatsHeaders.CONTENT_TYPE, JSON);
		for (Headers copy : new Headers[] { first, second }) {
			assertThat(copy.isReadOnly()).isTrue();
			assertThat(copy).isEqualTo(expected);
			assertThat(new String(copy.getSerialized())).isEqualTo(new String(expected.getSerialized()));
		}
		assertThat(headers.containsKey(NatsHeaders.CONTENT_TYPE)).isFalse();
	}

	@Test
	void headersChangedAfterTheirCopyWasKeptAreCopiedAgainWithTheChange() {
		Headers headers = new Headers().put("X-Tenant", "acme");
		copy(headers);
		Headers kept = copy(headers);
		headers.put("X-Tenant", "other");
		Headers changed = copy(headers);
		assertThat(changed).isNotSameAs(kept);
		assertThat(changed.getFirst("X-Tenant")).isEqualTo("other");
		headers.add("X-Tenant", "more");
		assertThat(copy(headers).get("X-Tenant")).containsExactly("other", "more");
		headers.remove("X-Tenant");
		assertThat(copy(headers).keySet()).containsExactly(NatsHeaders.CONTENT_TYPE);
	}

	@Test
	void headersFilledAgainForEveryMessageAreCopiedForEveryMessageOnceTheyChanged() {
		Headers headers = new Headers();
		for (int i = 0; i < 5; i++) {
			headers.put("X-Id", String.valueOf(i));
			Headers copy = copy(headers);
			assertThat(copy.getFirst("X-Id")).isEqualTo(String.valueOf(i));
			assertThat(copy(headers)).isNotSameAs(copy).isEqualTo(copy);
		}
	}

	@Test
	void headersBuiltForEachMessageGetCopiesOfTheirOwn() {
		Headers first = copy(new Headers().put("X-Id", "1"));
		Headers second = copy(new Headers().put("X-Id", "2"));
		assertThat(first.getFirst("X-Id")).isEqualTo("1");
		assertThat(second.getFirst("X-Id")).isEqualTo("2");
	}

	@Test
	void theKeptCopyIsNotGivenToTheSameHeadersWithAnotherContentType() {
		Headers headers = new Headers().put("X-Tenant", "acme");
		copy(headers);
		copy(headers);
		Headers text = this.repeated.copyWith(headers, NatsHeaders.CONTENT_TYPE, "text/plain");
		assertThat(text.getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo("text/plain");
		assertThat(copy(headers).getFirst(NatsHeaders.CONTENT_TYPE)).isEqualTo(JSON);
	}

	private Headers copy(Headers headers) {
		return this.repeated.copyWith(headers, NatsHeaders.CONTENT_TYPE, JSON);
	}

}
