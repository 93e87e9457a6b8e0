package io.github.natsboot.jetstream;

import io.github.natsboot.jetstream.StreamDefinition.Retention;
import io.nats.client.api.ServerInfo;

/**
 * What the connected server can do with definitions, by version and topology.
 *
 * @param version the server version
 * @param clustered whether the server is part of a cluster, so that replicas are possible
 * @param jetStream whether JetStream is enabled
 * @param release210 whether the server is 2.10 or newer
 */
public record ServerCapabilities(String version, boolean clustered, boolean jetStream, boolean release210) {

	/**
	 * Return what the server described by a connection's server info can do.
	 * @param info the server info
	 * @return the capabilities
	 */
	public static ServerCapabilities of(ServerInfo info) {
		return new ServerCapabilities(info.getVersion(), info.getCluster() != null, info.isJetStreamAvailable(),
				info.isSameOrNewerThanVersion("2.10.0"));
	}

	/**
	 * Server 2.9 cannot change a stream's retention at all; later servers switch between
	 * limits and interest but never to or from work-queue.
	 */
	boolean canChangeRetention(Retention from, Retention to) {
		return this.release210 && from != Retention.WORK_QUEUE && to != Retention.WORK_QUEUE;
	}

	/**
	 * Return whether a consumer can have several filter subjects: server 2.9 ignores all
	 * but one.
	 * @return {@code true} from server 2.10 on
	 */
	public boolean supportsMultipleFilterSubjects() {
		return this.release210;
	}

}
