package io.github.natsboot.autoconfigure.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the application as a NATS service ({@code nats.service.*}).
 */
@ConfigurationProperties("nats.service")
public class NatsServiceProperties {

	/**
	 * Whether to expose the core @NatsListener methods as endpoints of a NATS service that
	 * answers discovery ($SRV.PING, $SRV.INFO, $SRV.STATS) and counts requests and errors.
	 */
	private boolean enabled;

	/**
	 * Service name (letters, digits, '-' and '_'). Defaults to spring.application.name.
	 */
	private String name;

	/**
	 * Service version, a semantic version such as 1.4.0. Defaults to
	 * spring.application.version, else the version in build-info, else 0.0.0.
	 */
	private String version;

	/**
	 * Service description shown by $SRV.INFO.
	 */
	private String description;

	/**
	 * Service metadata shown by $SRV.INFO and $SRV.PING.
	 */
	private Map<String, String> metadata = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

}
