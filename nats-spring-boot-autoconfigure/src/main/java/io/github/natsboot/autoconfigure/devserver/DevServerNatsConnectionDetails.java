package io.github.natsboot.autoconfigure.devserver;

import java.util.List;

import io.github.natsboot.autoconfigure.NatsConnectionDetails;
import io.github.natsboot.devserver.NatsDevServer;

/**
 * {@link NatsConnectionDetails} that point at the {@link NatsDevServer}, which accepts any client
 * without authentication or TLS.
 */
class DevServerNatsConnectionDetails implements NatsConnectionDetails {

	private final NatsDevServer server;

	DevServerNatsConnectionDetails(NatsDevServer server) {
		this.server = server;
	}

	@Override
	public List<String> getServers() {
		return List.of(this.server.getUrl());
	}

}
