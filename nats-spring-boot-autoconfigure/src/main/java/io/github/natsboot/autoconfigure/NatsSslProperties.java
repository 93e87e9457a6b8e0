package io.github.natsboot.autoconfigure;

/**
 * TLS settings of the NATS connection, bound from {@code nats.ssl.*}.
 */
public class NatsSslProperties {

	/**
	 * Whether to connect with TLS. Implied when a bundle is set or a server URL uses
	 * the tls:// scheme.
	 */
	private boolean enabled;

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*) holding the trust material and,
	 * for mutual TLS, the client key.
	 */
	private String bundle;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBundle() {
		return this.bundle;
	}

	public void setBundle(String bundle) {
		this.bundle = bundle;
	}

}
