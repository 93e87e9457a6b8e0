package io.github.natsboot.logging;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;

import org.springframework.boot.logging.LoggingSystemProperty;

/**
 * Where log events come from: host, application and process, looked up once when an
 * encoder starts.
 */
final class ProcessDetails {

	private ProcessDetails() {
	}

	/**
	 * The host name Logback resolves for its {@code HOSTNAME} property.
	 * @param context the Logback context
	 * @return the host name, or {@code null}
	 */
	static String hostName(Context context) {
		return (context != null) ? context.getProperty(CoreConstants.HOSTNAME_KEY) : null;
	}

	/**
	 * The application name that Spring Boot's logging system publishes from
	 * {@code spring.application.name}.
	 * @return the application name, or {@code null} when Boot has not set it
	 */
	static String applicationName() {
		return System.getProperty(LoggingSystemProperty.APPLICATION_NAME.getEnvironmentVariableName());
	}

	static long pid() {
		return ProcessHandle.current().pid();
	}

}
