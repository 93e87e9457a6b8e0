package io.github.natsboot.core;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrozenHeadersTests {

	private static final Set<String> MUTATORS = Set.of("add", "put", "remove", "clear");

	@Test
	void holdTheCopiedHeadersAndTheAddedOneSerializedAsJnatsWouldSerializeThem() {
		Headers source = new Headers().put("X-Tenant", "acme").add("X-Tag", "a", "b");
		FrozenHeaders frozen = FrozenHeaders.copyWith(source, NatsHeaders.CONTENT_TYPE, "application/json");
		Headers expected = new Headers(source).put(NatsHeaders.CONTENT_TYPE, "application/json");
		assertThat(frozen).isEqualTo(expected);
		assertThat(frozen.serializedLength()).isEqualTo(expected.serializedLength());
		assertThat(new String(frozen.getSerialized())).isEqualTo(new String(expected.getSerialized()));
		assertThat(source.containsKey(NatsHeaders.CONTENT_TYPE)).isFalse();
	}

	@Test
	void writeWhatJnatsWouldWriteWhereAMessageIsWritten() {
		Headers source = new Headers().put("X-Tenant", "acme");
		Headers expected = new Headers(source).put(NatsHeaders.CONTENT_TYPE, "application/json");
		assertWrittenAs(FrozenHeaders.copyWith(source, NatsHeaders.CONTENT_TYPE, "application/json"), expected);
		assertWrittenAs(FrozenHeaders.sharedCopyWith(source, NatsHeaders.CONTENT_TYPE, "application/json"), expected);
		assertWrittenAs(FrozenHeaders.shared(NatsHeaders.CONTENT_TYPE, "application/json"),
				new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json"));
	}

	@Test
	void sharedHeadersHoldOnlyTheirHeaderAndAreReadOnly() {
		FrozenHeaders frozen = FrozenHeaders.shared(NatsHeaders.CONTENT_TYPE, "application/json");
		assertThat(frozen.keySet()).containsExactly(NatsHeaders.CONTENT_TYPE);
		assertThat(frozen.isReadOnly()).isTrue();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.put("a", "b"));
	}

	private static void assertWrittenAs(FrozenHeaders frozen, Headers expected) {
		byte[] written = new byte[frozen.serializedLength() + 4];
		byte[] expectedWritten = new byte[written.length];
		assertThat(frozen.serializeToArray(2, written)).isEqualTo(expected.serializeToArray(2, expectedWritten));
		assertThat(written).isEqualTo(expectedWritten);
		assertThat(new String(frozen.getSerialized())).isEqualTo(new String(expected.getSerialized()));
	}

	@Test
	void replaceAValueTheCopiedHeadersAlreadyHad() {
		Headers source = new Headers().put(NatsHeaders.CONTENT_TYPE, "text/plain");
		assertThat(FrozenHeaders.copyWith(source, NatsHeaders.CONTENT_TYPE, "application/json").get(NatsHeaders.CONTENT_TYPE))
			.containsExactly("application/json");
	}

	@Test
	void areReadOnlySoThatJnatsSendsThemWithoutCopying() {
		assertThat(FrozenHeaders.copyWith(new Headers().put("X-Tenant", "acme"), "X-Other", "1").isReadOnly()).isTrue();
	}

	@Test
	void refuseEveryChange() {
		FrozenHeaders frozen = FrozenHeaders.copyWith(new Headers(), "X-Tenant", "acme");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.add("a", "b"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.add("a", List.of("b")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.put("a", "b"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.put("a", List.of("b")));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> frozen.put(Map.of("a", List.of("b"))));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.remove("X-Tenant"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> frozen.remove(List.of("X-Tenant")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(frozen::clear);
		assertThat(frozen.getFirst("X-Tenant")).isEqualTo("acme");
	}

	@Test
	void overrideEveryMutatorJnatsHeadersDeclare() {
		List<Method> mutators = Arrays.stream(Headers.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()))
			.filter((method) -> MUTATORS.contains(method.getName()))
			.toList();
		assertThat(mutators).hasSizeGreaterThanOrEqualTo(8);
		for (Method mutator : mutators) {
			assertThat(declaredBy(mutator)).as(mutator.toString()).isEqualTo(FrozenHeaders.class);
		}
	}

	private static Class<?> declaredBy(Method method) {
		try {
			return FrozenHeaders.class.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
