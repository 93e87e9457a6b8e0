package io.github.natsboot.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This instance of the application: its id and the roles it plays.
 */
@Component
public class SampleInstance {

	/**
	 * Profile and name of the web role.
	 */
	public static final String WEB = "web";

	/**
	 * Profile and name of the worker role.
	 */
	public static final String WORKER = "worker";

	private final String id;

	private final List<String> roles;

	SampleInstance(SampleProperties properties, Environment environment) {
		this.id = StringUtils.hasText(properties.getInstanceId()) ? properties.getInstanceId() : defaultId();
		this.roles = roles(environment);
	}

	private static String defaultId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + "-" + ProcessHandle.current().pid();
	}

	private static List<String> roles(Environment environment) {
		List<String> roles = new ArrayList<>(2);
		for (String role : List.of(WEB, WORKER)) {
			if (environment.acceptsProfiles(Profiles.of(role, "default"))) {
				roles.add(role);
			}
		}
		return List.copyOf(roles);
	}

	/**
	 * Return the id of this instance ({@code sample.instance-id}, else host name and
	 * process id).
	 * @return the instance id
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Return the roles this instance plays.
	 * @return {@code web}, {@code worker} or both
	 */
	public List<String> getRoles() {
		return this.roles;
	}

}
