package io.github.natsboot.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP client for one server's monitoring port ({@code /healthz}, {@code /varz}, {@code /jsz}).
 */
public final class MonitorEndpoint {

	private static final int CONNECT_TIMEOUT_MILLIS = 500;

	private static final int READ_TIMEOUT_MILLIS = 2000;

	private final int port;

	MonitorEndpoint(int port) {
		this.port = port;
	}

	/**
	 * Sends a GET request to the monitoring port.
	 * @param path the path, such as {@code /jsz}
	 * @return the answer; status {@code -1} with the error when the request failed
	 */
	public Response get(String path) {
		try {
			URI uri = URI.create("http://" + NatsServerProcess.LOOPBACK + ":" + this.port + path);
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
			connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
			connection.setReadTimeout(READ_TIMEOUT_MILLIS);
			try {
				int status = connection.getResponseCode();
				InputStream body = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
				return new Response(status,
						(body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8).trim() : "");
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return new Response(-1, ex.toString());
		}
	}

	/**
	 * One answer from the monitoring port; status {@code -1} when the request failed.
	 *
	 * @param status the HTTP status, or {@code -1}
	 * @param body the response body, or the error when the request failed
	 */
	public record Response(int status, String body) {

		/**
		 * Tells whether the status is 200.
		 * @return {@code true} for HTTP 200
		 */
		public boolean isOk() {
			return this.status == 200;
		}

		@Override
		public String toString() {
			return ((this.status > 0) ? "HTTP " + this.status + " " : "") + this.body;
		}

	}

}
