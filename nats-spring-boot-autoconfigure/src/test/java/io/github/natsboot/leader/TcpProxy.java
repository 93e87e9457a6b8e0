package io.github.natsboot.leader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback between one client and a server, that a test can pause (bytes
 * stay in the socket buffers, as on a stalled network) or kill (connections reset and new
 * ones refused, as when a host dies).
 */
final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final ServerSocket serverSocket;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object pauseMonitor = new Object();

	private boolean paused;

	private volatile boolean killed;

	TcpProxy(int targetPort) {
		this.targetPort = targetPort;
		try {
			this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + getPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String getUrl() {
		return "nats://127.0.0.1:" + getPort();
	}

	int getPort() {
		return this.serverSocket.getLocalPort();
	}

	void pause() {
		synchronized (this.pauseMonitor) {
			this.paused = true;
		}
	}

	void resume() {
		synchronized (this.pauseMonitor) {
			this.paused = false;
			this.pauseMonitor.notifyAll();
		}
	}

	void kill() {
		this.killed = true;
		resume();
		closeQuietly(this.serverSocket);
		for (Socket socket : this.sockets) {
			try {
				socket.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// already closed
			}
			closeQuietly(socket);
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void accept() {
		while (!this.killed) {
			try {
				Socket client = this.serverSocket.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					awaitResumed();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// connection closed or killed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private void awaitResumed() throws InterruptedException {
		synchronized (this.pauseMonitor) {
			while (this.paused) {
				this.pauseMonitor.wait();
			}
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
