package io.github.natsboot.devserver;

import io.github.natsboot.launcher.NatsServerProcess;

/**
 * A {@link NatsDevServer} that is a {@code nats-server} process.
 */
final class ProcessNatsDevServer implements NatsDevServer {

	private final NatsServerProcess process;

	ProcessNatsDevServer(NatsServerProcess process) {
		this.process = process;
	}

	@Override
	public String getUrl() {
		return this.process.getUrl();
	}

	@Override
	public boolean isRunning() {
		return this.process.isRunning();
	}

	@Override
	public void close() {
		this.process.close();
	}

	NatsServerProcess getProcess() {
		return this.process;
	}

	@Override
	public String toString() {
		return "nats-server process " + this.process.getPid() + " (JetStream store "
				+ this.process.getStoreDir() + ", log " + this.process.getLogFile() + ", monitoring http://"
				+ NatsServerProcess.LOOPBACK + ":" + this.process.getMonitorPort() + ")";
	}

}
