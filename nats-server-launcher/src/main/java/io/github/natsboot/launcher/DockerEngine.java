package io.github.natsboot.launcher;

import java.util.Locale;

/**
 * Tells whether containers can be run here through Testcontainers, an optional dependency whose
 * classes are only touched once they are known to be on the class path.
 */
public final class DockerEngine {

	/** The Testcontainers class whose presence tells that Testcontainers is on the class path. */
	public static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

	private DockerEngine() {
	}

	/**
	 * Tells why no container can be run here.
	 * @param classLoader the class loader to look Testcontainers up in
	 * @return the reason, or {@code null} when Testcontainers is on the class path and reaches a
	 * running Docker engine
	 */
	public static String unavailableReason(ClassLoader classLoader) {
		if (!isTestcontainersPresent(classLoader)) {
			return "Testcontainers (org.testcontainers:testcontainers) is not on the class path";
		}
		return TestcontainersDocker.isAvailable() ? null : "Testcontainers found no running Docker engine";
	}

	/**
	 * Tells why no container with host networking that binds this machine's 127.0.0.1 can be run
	 * here: that needs a Docker engine on this Linux machine (not Docker Desktop, which runs
	 * containers in a virtual machine, nor rootless Docker, nor a remote engine).
	 * @param classLoader the class loader to look Testcontainers up in
	 * @return the reason, or {@code null} when such containers can be run
	 */
	public static String hostNetworkUnavailableReason(ClassLoader classLoader) {
		String unavailable = unavailableReason(classLoader);
		if (unavailable != null) {
			return unavailable;
		}
		return hostNetworkUnavailableReason(System.getProperty("os.name"), TestcontainersDocker.engine());
	}

	static String hostNetworkUnavailableReason(String jvmOperatingSystem, Engine engine) {
		String needs = "host networking needs Docker on this Linux machine";
		if (!jvmOperatingSystem.toLowerCase(Locale.ROOT).startsWith("linux")) {
			return needs + ", and this JVM runs on " + jvmOperatingSystem;
		}
		if (engine.operatingSystem() != null && engine.operatingSystem().contains("Docker Desktop")) {
			return needs + ", and Docker Desktop runs containers in a virtual machine";
		}
		if (engine.rootless()) {
			return needs + ", and rootless Docker gives containers a network namespace of their own";
		}
		if (!isLoopback(engine.host())) {
			return needs + ", and the Docker engine is at " + engine.host();
		}
		return null;
	}

	private static boolean isTestcontainersPresent(ClassLoader classLoader) {
		try {
			Class.forName(DOCKER_CLIENT_FACTORY, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static boolean isLoopback(String host) {
		return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
				|| host.equals("[::1]") || host.equals("0:0:0:0:0:0:0:1"));
	}

	/**
	 * What matters about the Docker engine for host networking.
	 * @param operatingSystem the engine's operating system, as {@code docker info} reports it
	 * @param rootless whether the engine runs rootless
	 * @param host the address containers are reached at
	 */
	record Engine(String operatingSystem, boolean rootless, String host) {

	}

}
