package io.github.natsboot.autoconfigure.jetstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsboot.jetstream.ConsumerDefinition;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.JetStreamProvisioningException;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.github.natsboot.jetstream.JetStreamProvisioningException.Reason;
import io.github.natsboot.jetstream.StreamDefinition;

/**
 * The application's definitions, from {@code nats.jetstream.*} properties and from
 * beans, merged into one list, remembering where each came from so that failure
 * messages name the property ({@code nats.jetstream.streams.orders.max-bytes}) or the
 * bean.
 */
final class DefinitionOrigins {

	private final String prefix;

	private final Map<String, String> beans = new LinkedHashMap<>();

	private final List<JetStreamDefinition> definitions = new ArrayList<>();

	private final List<Problem> conflicts = new ArrayList<>();

	/**
	 * Merge definitions. A definition from a bean with the same path (the same stream,
	 * consumer or bucket) as one from properties is a conflict.
	 * @param prefix the prefix of the properties, {@code nats.jetstream.} or a named
	 * connection's {@code nats.connections.<name>.jetstream.}
	 * @param fromProperties the definitions bound from properties
	 * @param fromBeans the definition beans, by bean name
	 * @return the merged definitions
	 * @throws JetStreamProvisioningException if a definition is declared both ways
	 */
	static DefinitionOrigins merge(String prefix, Collection<? extends JetStreamDefinition> fromProperties,
			Map<String, ? extends JetStreamDefinition> fromBeans) {
		DefinitionOrigins origins = new DefinitionOrigins(prefix);
		Map<String, JetStreamDefinition> byPath = new LinkedHashMap<>();
		fromProperties.forEach((definition) -> paths(definition).forEach((path) -> byPath.put(path, definition)));
		origins.definitions.addAll(fromProperties);
		fromBeans.forEach((beanName, definition) -> {
			for (String path : paths(definition)) {
				if (byPath.containsKey(path)) {
					origins.conflicts.add(new Problem(prefix + path, "is defined both in properties and by bean '"
							+ beanName + "'; define it in one place"));
				}
				origins.beans.putIfAbsent(path, beanName);
			}
			origins.definitions.add(definition);
		});
		if (!origins.conflicts.isEmpty()) {
			throw new JetStreamProvisioningException(Reason.INVALID_DEFINITION, origins.conflicts);
		}
		return origins;
	}

	private DefinitionOrigins(String prefix) {
		this.prefix = prefix;
	}

	List<JetStreamDefinition> definitions() {
		return this.definitions;
	}

	/**
	 * Return the name to report for a property path relative to {@code nats.jetstream}:
	 * the full property name when it comes from properties, the path and the bean name
	 * when it comes from a bean.
	 * @param path the property path, such as {@code streams.orders.max-bytes}
	 * @return the name to report
	 */
	String name(String path) {
		String bean = null;
		int longest = -1;
		for (Map.Entry<String, String> entry : this.beans.entrySet()) {
			String prefix = entry.getKey();
			if ((path.equals(prefix) || path.startsWith(prefix + ".")) && prefix.length() > longest) {
				bean = entry.getValue();
				longest = prefix.length();
			}
		}
		if (bean != null) {
			return path + " (bean '" + bean + "')";
		}
		return path.isEmpty() ? this.prefix.substring(0, this.prefix.length() - 1) : this.prefix + path;
	}

	private static List<String> paths(JetStreamDefinition definition) {
		List<String> paths = new ArrayList<>(List.of(definition.getPath()));
		if (definition instanceof StreamDefinition stream) {
			stream.getConsumers().stream().map(ConsumerDefinition::getPath).forEach(paths::add);
		}
		return paths;
	}

}
