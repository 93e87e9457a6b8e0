package io.github.natsboot.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.github.natsboot.core.NatsHeaders;
import io.nats.client.impl.Headers;

/**
 * Payloads and headers a foreign client may send, drawn from a seeded random so that a
 * failing run can be repeated: random bytes, invalid UTF-8, NUL and CR/LF runs, 0xFF,
 * payloads near the server's {@code max_payload}, JSON of the wrong type holding
 * non-ASCII text, and headers with control characters, long values and many entries.
 * Every header is one jnats accepts, since jnats is the foreign client here.
 */
final class FuzzInput {

	private static final byte[][] FIXED = { { 0x00, (byte) 0xFF, 0x01, (byte) 0xFE }, { (byte) 0xFF },
			{ 0x00 }, bytes("\r\n"), bytes("{\"id\":\"a\r\nb\",\r\n\"quantity\":1"), { (byte) 0xC3, 0x28 },
			{ '{', '"', (byte) 0xF0, (byte) 0x9F, '"', ':', '1', '}' },
			bytes("{\"id\":\"\u00fc\u20ac\uD83D\uDE00\",\"quantity\":\"\u00ff\"}"), bytes("[{\"id\":1}]"),
			bytes("\"just a string\""), bytes("null"), bytes("{\"id\":\"x\",\"quantity\":99999999999999999999}") };

	private final Random random;

	private final int maxPayload;

	FuzzInput(long seed, int maxPayload) {
		this.random = new Random(seed);
		this.maxPayload = maxPayload;
	}

	/**
	 * A payload that cannot be read as an {@code Order}.
	 * @param index the index of the payload: the fixed cases come first
	 * @return the payload
	 */
	byte[] badPayload(int index) {
		if (index < FIXED.length) {
			return FIXED[index];
		}
		return switch (this.random.nextInt(6)) {
			case 0 -> randomBytes(1 + this.random.nextInt(300));
			case 1 -> filled(1 + this.random.nextInt(64), (byte) 0x00);
			case 2 -> filled(1 + this.random.nextInt(64), (byte) 0xFF);
			case 3 -> invalidUtf8();
			case 4 -> randomBytes(this.maxPayload - 2048 - this.random.nextInt(1024));
			default -> lineBreaks();
		};
	}

	/**
	 * Headers for one message: none, a content type, or odd values.
	 * @return the headers, or {@code null}
	 */
	Headers headers() {
		return switch (this.random.nextInt(7)) {
			case 0 -> null;
			case 1 -> new Headers().put(NatsHeaders.CONTENT_TYPE, "application/json");
			case 2 -> new Headers().put(NatsHeaders.CONTENT_TYPE, "text/plain\u0001\u007f");
			case 3 -> new Headers().put("X-Odd", "\u0000\u0001\t\u001b[31m\u007f");
			case 4 -> new Headers().put("X-Long", "v".repeat(1000));
			case 5 -> many();
			default -> new Headers().put("X-!#$%&'*+-.^_`|~", "odd key").put(NatsHeaders.CONTENT_TYPE, "");
		};
	}

	private Headers many() {
		Headers headers = new Headers();
		for (int i = 0; i < 50; i++) {
			headers.add("X-Many", "value " + i);
		}
		return headers;
	}

	private byte[] randomBytes(int length) {
		byte[] data = new byte[length];
		this.random.nextBytes(data);
		return data;
	}

	private static byte[] filled(int length, byte value) {
		byte[] data = new byte[length];
		java.util.Arrays.fill(data, value);
		return data;
	}

	private byte[] invalidUtf8() {
		byte[] data = randomBytes(2 + this.random.nextInt(40));
		data[0] = '{';
		data[1] = (byte) (0x80 + this.random.nextInt(0x40));
		return data;
	}

	private byte[] lineBreaks() {
		StringBuilder text = new StringBuilder("{");
		for (int i = 0; i < 1 + this.random.nextInt(20); i++) {
			text.append(this.random.nextBoolean() ? "\r\n" : "\n\r\u0000");
		}
		return bytes(text.toString());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
