package io.github.natsboot.autoconfigure.devserver;

import java.nio.file.Path;

import io.github.natsboot.devserver.NatsDevServerSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the NATS dev server, bound from {@code nats.dev-server.*}.
 */
@ConfigurationProperties("nats.dev-server")
public class NatsDevServerProperties {

	/**
	 * Whether to start a local nats-server with JetStream for this application when no
	 * server is configured (nats.servers not set), for spring-boot:run and demos. The
	 * server stops with the application.
	 */
	private boolean enabled;

	/**
	 * Path of the nats-server executable, or of the directory that holds it. By default
	 * PATH is searched, then /usr/sbin, /usr/local/sbin, /usr/local/bin and /usr/bin.
	 */
	private String executable;

	/**
	 * Client port of the dev server on 127.0.0.1. 0 picks a free port.
	 */
	private int port;

	/**
	 * JetStream store directory, kept when the application stops so that streams and
	 * key-value buckets survive restarts. By default a temporary directory deleted on
	 * shutdown.
	 */
	private Path storeDir;

	/**
	 * Container image run with Testcontainers when no nats-server executable is found
	 * and a Docker engine is available.
	 */
	private String containerImage = "nats:2.10";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getExecutable() {
		return this.executable;
	}

	public void setExecutable(String executable) {
		this.executable = executable;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Path getStoreDir() {
		return this.storeDir;
	}

	public void setStoreDir(Path storeDir) {
		this.storeDir = storeDir;
	}

	public String getContainerImage() {
		return this.containerImage;
	}

	public void setContainerImage(String containerImage) {
		this.containerImage = containerImage;
	}

	NatsDevServerSettings toSettings() {
		return new NatsDevServerSettings(this.executable, this.port, this.storeDir, this.containerImage);
	}

}
