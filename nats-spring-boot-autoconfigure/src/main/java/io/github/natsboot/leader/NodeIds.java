package io.github.natsboot.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Default node ids: the host name, the process id and a random suffix, unique even for
 * two candidates in one process.
 */
final class NodeIds {

	private static final SecureRandom random = new SecureRandom();

	private NodeIds() {
	}

	static String generate() {
		byte[] suffix = new byte[3];
		random.nextBytes(suffix);
		return hostName() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
