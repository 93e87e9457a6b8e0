package io.github.natsboot.testcontainers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The authentication a {@code nats-server} command line sets up: {@code --user} and
 * {@code --pass}, or a token with {@code --auth} (each also as {@code --name=value}).
 *
 * @param user the user name, or {@code null}
 * @param password the password, or {@code null}
 * @param token the token, or {@code null}
 */
record NatsServerCommandLine(String user, String password, String token) {

	private static final Set<String> OPTIONS = Set.of("--user", "--pass", "--auth");

	/**
	 * Read the authentication arguments of a command line.
	 * @param arguments the arguments of the container's command, may be {@code null}
	 * @return the authentication, with {@code null} for what the command does not set
	 */
	static NatsServerCommandLine parse(String[] arguments) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; arguments != null && i < arguments.length; i++) {
			String argument = arguments[i];
			int equals = argument.indexOf('=');
			String name = (equals > 0) ? argument.substring(0, equals) : argument;
			if (OPTIONS.contains(name)) {
				String value = (equals > 0) ? argument.substring(equals + 1)
						: (i + 1 < arguments.length) ? arguments[++i] : null;
				values.put(name, value);
			}
		}
		return new NatsServerCommandLine(values.get("--user"), values.get("--pass"), values.get("--auth"));
	}

}
