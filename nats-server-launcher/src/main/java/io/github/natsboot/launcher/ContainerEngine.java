package io.github.natsboot.launcher;

/**
 * Runs servers in containers when no {@code nats-server} executable is found.
 */
interface ContainerEngine {

	/**
	 * Tells why no server container can be run here.
	 * @return the reason, or {@code null} when containers can be run
	 */
	String unavailableReason();

	/**
	 * Returns a runtime that runs servers in containers of an image.
	 * @param image the image
	 * @return the runtime
	 */
	ServerRuntime runtime(String image);

	/**
	 * Returns the engine Testcontainers reaches, if Testcontainers is on the class path.
	 * @param classLoader the class loader to look Testcontainers up in
	 * @return the engine
	 */
	static ContainerEngine testcontainers(ClassLoader classLoader) {
		return new ContainerEngine() {

			@Override
			public String unavailableReason() {
				return DockerEngine.hostNetworkUnavailableReason(classLoader);
			}

			@Override
			public ServerRuntime runtime(String image) {
				return new ContainerServerRuntime(image);
			}

		};
	}

}
