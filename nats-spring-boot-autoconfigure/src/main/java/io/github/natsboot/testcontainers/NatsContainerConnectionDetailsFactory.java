package io.github.natsboot.testcontainers;

import java.util.List;

import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} that creates {@link NatsConnectionDetails} for
 * a container of the {@code nats} image annotated with
 * {@link org.springframework.boot.testcontainers.service.connection.ServiceConnection
 * ServiceConnection}: the server URL is the container's host and the port mapped to
 * {@value #CLIENT_PORT}, and the user name, password or token are taken from the
 * {@code --user}, {@code --pass} and {@code --auth} arguments of the container's command.
 */
public class NatsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, NatsConnectionDetails> {

	/**
	 * Port on which {@code nats-server} accepts client connections in the container.
	 */
	public static final int CLIENT_PORT = 4222;

	/**
	 * Create the factory for containers of the {@code nats} image.
	 */
	public NatsContainerConnectionDetailsFactory() {
		super("nats");
	}

	@Override
	protected NatsConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new NatsContainerConnectionDetails(source);
	}

	/**
	 * {@link NatsConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	static final class NatsContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements NatsConnectionDetails {

		private NatsContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public List<String> getServers() {
			Container<?> container = getContainer();
			String scheme = (getSslBundle() != null) ? "tls" : "nats";
			return List.of(scheme + "://" + container.getHost() + ":" + container.getMappedPort(CLIENT_PORT));
		}

		@Override
		public String getUsername() {
			return commandLine().user();
		}

		@Override
		public String getPassword() {
			return commandLine().password();
		}

		@Override
		public String getToken() {
			return commandLine().token();
		}

		@Override
		public SslBundle getSslBundle() {
			return super.getSslBundle();
		}

		private NatsServerCommandLine commandLine() {
			return NatsServerCommandLine.parse(getContainer().getCommandParts());
		}

	}

}
