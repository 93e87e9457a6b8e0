package io.github.natsboot.test;

import java.util.List;

/**
 * The attributes of an {@link EmbeddedNats} annotation, as a value: two test classes with equal
 * settings can share a cluster (and a cached Spring context).
 */
record EmbeddedNatsSettings(int nodes, boolean jetStream, List<String> config, String serversProperty) {

	static final EmbeddedNatsSettings DEFAULTS = new EmbeddedNatsSettings(1, true, List.of(), "nats.servers");

	EmbeddedNatsSettings {
		config = List.copyOf(config);
	}

	static EmbeddedNatsSettings of(EmbeddedNats annotation) {
		return new EmbeddedNatsSettings(annotation.nodes(), annotation.jetStream(), List.of(annotation.config()),
				annotation.serversProperty());
	}

	NatsCluster start() {
		return NatsCluster.builder()
			.nodes(this.nodes)
			.jetStream(this.jetStream)
			.config(this.config.toArray(String[]::new))
			.start();
	}

}
