package io.github.natsboot.reliability.soak;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one soak instance did, one line per event, flushed as it is written so that the
 * driver reads everything an instance recorded before it stopped: {@code P <id> <millis>}
 * for a processed message, {@code G|R <fencing token> <millis>} for a leadership granted
 * or revoked, {@code C <url> <millis>} for a connection to a server, {@code READY} once
 * the application has started and {@code END} once it has stopped.
 */
final class SoakJournal implements AutoCloseable {

	private final BufferedWriter writer;

	SoakJournal(Path file) {
		try {
			this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void record(String line) {
		try {
			this.writer.write(line);
			this.writer.newLine();
			this.writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		record("END " + System.currentTimeMillis());
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
