package io.github.natsboot.objectstore;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import tools.jackson.databind.json.JsonMapper;

import io.github.natsboot.core.NatsTemplate;
import io.github.natsboot.core.convert.DefaultNatsMessageConverter;
import io.github.natsboot.core.convert.JacksonJsonCodec;

/**
 * Run by {@link LargeObjectBoundedHeapIntegrationTests} in a JVM of its own with a small
 * heap: puts an object generated on the fly through {@link NatsTemplate#objectStore},
 * reads it back into a digesting stream, and prints both SHA-256 digests. Exits with 0
 * when they are equal.
 */
public final class LargeObjectRoundTrip {

	private LargeObjectRoundTrip() {
	}

	/**
	 * Run the round trip.
	 * @param args the server URL, the bucket, the object name and its size in bytes
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		String url = args[0];
		String bucket = args[1];
		String name = args[2];
		long size = Long.parseLong(args[3]);
		try (Connection connection = Nats.connect(url)) {
			NatsTemplate template = new NatsTemplate(connection,
					new DefaultNatsMessageConverter(new JacksonJsonCodec(JsonMapper.builder().build())));
			ObjectStoreOperations store = template.objectStore(bucket);
			GeneratedInputStream content = new GeneratedInputStream(size);
			long start = System.nanoTime();
			StoredObject stored = store.put(name, content);
			long putMillis = (System.nanoTime() - start) / 1_000_000;
			DigestingOutputStream target = new DigestingOutputStream();
			start = System.nanoTime();
			store.get(name, target);
			long getMillis = (System.nanoTime() - start) / 1_000_000;
			String written = HexFormat.of().formatHex(content.digest.digest());
			String read = HexFormat.of().formatHex(target.digest.digest());
			System.out.println("max-heap=" + Runtime.getRuntime().maxMemory() + " size=" + stored.size() + " read="
					+ target.count + " put-ms=" + putMillis + " get-ms=" + getMillis + " written-sha256=" + written
					+ " read-sha256=" + read);
			System.exit((written.equals(read) && target.count == size) ? 0 : 1);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Generates pseudo-random bytes without holding them, digesting what it hands out.
	 */
	private static final class GeneratedInputStream extends InputStream {

		private final long size;

		private final MessageDigest digest = sha256();

		private long position;

		private long state = 0x9E3779B97F4A7C15L;

		GeneratedInputStream(long size) {
			this.size = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.size) {
				return -1;
			}
			int count = (int) Math.min(length, this.size - this.position);
			for (int i = 0; i < count; i++) {
				this.state ^= this.state << 13;
				this.state ^= this.state >>> 7;
				this.state ^= this.state << 17;
				buffer[offset + i] = (byte) this.state;
			}
			this.digest.update(buffer, offset, count);
			this.position += count;
			return count;
		}

	}

	/**
	 * Digests and counts what is written to it, keeping nothing.
	 */
	private static final class DigestingOutputStream extends OutputStream {

		private final MessageDigest digest = sha256();

		private long count;

		@Override
		public void write(int b) {
			this.digest.update((byte) b);
			this.count++;
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.digest.update(buffer, offset, length);
			this.count += length;
		}

	}

}
