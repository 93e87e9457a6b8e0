package io.github.natsboot.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The file a server logs to (with {@code -l}), read back for failure messages.
 */
final class ServerLog {

	private static final int TAIL_BYTES = 64 * 1024;

	private final Path file;

	ServerLog(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	long size() {
		try {
			return Files.exists(this.file) ? Files.size(this.file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	String since(long offset) {
		return read(offset);
	}

	String tail(int lines) {
		String text = read(Math.max(0, size() - TAIL_BYTES));
		List<String> all = Arrays.asList(text.split("\n"));
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private String read(long offset) {
		if (!Files.exists(this.file)) {
			return "";
		}
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long length = in.length();
			if (offset >= length) {
				return "";
			}
			byte[] bytes = new byte[(int) (length - offset)];
			in.seek(offset);
			in.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(could not read " + this.file + ": " + ex + ")";
		}
	}

}
