package io.github.natsboot.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import org.junit.jupiter.api.Test;

import io.github.natsboot.test.EmbeddedNats;
import io.github.natsboot.test.NatsServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores a 200 MB object and reads it back in a JVM whose heap (96 MB) is smaller than
 * the object, so that the round trip only succeeds if neither direction holds the object
 * in memory. The JVM runs {@link LargeObjectRoundTrip} with the test class path.
 */
@EmbeddedNats
class LargeObjectBoundedHeapIntegrationTests {

	private static final long SIZE = 200L * 1024 * 1024;

	private static final String MAX_HEAP = "96m";

	@Test
	void aTwoHundredMegabyteObjectRoundTripsThroughANinetySixMegabyteHeap(NatsServer server) throws Exception {
		try (Connection connection = Nats.connect(server.getUrl())) {
			connection.objectStoreManagement()
				.create(ObjectStoreConfiguration.builder("large").storageType(StorageType.File).build());
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx" + MAX_HEAP, "-cp", System.getProperty("java.class.path"),
					LargeObjectRoundTrip.class.getName(), server.getUrl(), "large", "video.bin", Long.toString(SIZE))
				.redirectErrorStream(true)
				.start();
			String output = readAll(process.getInputStream());
			assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
			System.out.println("Large object round trip: " + output.trim());
			assertThat(process.exitValue()).as(output).isZero();
			long maxHeap = Long.parseLong(output.replaceAll("(?s).*max-heap=(\\d+).*", "$1").trim());
			assertThat(maxHeap).as(output).isLessThanOrEqualTo(96L * 1024 * 1024).isLessThan(SIZE / 2);
			assertThat(output).contains("size=" + SIZE).contains("read=" + SIZE);
			String written = output.replaceAll("(?s).*written-sha256=([0-9a-f]{64}).*", "$1");
			assertThat(output).contains("read-sha256=" + written);
			ObjectInfo info = connection.objectStore("large").getInfo("video.bin");
			assertThat(info.getSize()).isEqualTo(SIZE);
			assertThat(info.getChunks()).isEqualTo(1600);
		}
	}

	private static String readAll(InputStream input) throws IOException {
		return new String(input.readAllBytes(), StandardCharsets.UTF_8);
	}

}
