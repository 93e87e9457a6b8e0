package io.github.natsboot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The {@code nats.*} property names an application can set, from the generated
 * configuration metadata. The metadata lists a map of nested settings (a stream by name)
 * as one property; its entries are expanded here from the map's value type, with
 * {@value #KEY} standing for the map key: {@code nats.jetstream.streams.<key>.max-age}.
 */
final class NatsPropertyNames {

	static final String KEY = "<key>";

	private static final String OWN_PACKAGE = "io.github.natsboot.";

	private final Set<String> leaves = new TreeSet<>();

	private final Set<String> groups = new TreeSet<>();

	private NatsPropertyNames(List<JsonNode> properties) {
		for (JsonNode property : properties) {
			add(property.path("name").asString(), ResolvableType.forType(typeOf(property.path("type").asString())));
		}
		for (String leaf : this.leaves) {
			for (int dot = leaf.indexOf('.'); dot > 0; dot = leaf.indexOf('.', dot + 1)) {
				this.groups.add(leaf.substring(0, dot));
			}
		}
	}

	static NatsPropertyNames fromMetadata() {
		return new NatsPropertyNames(metadata("properties"));
	}

	/**
	 * Return the {@code nats.*} entries of one section of every configuration metadata
	 * file on the class path.
	 * @param section {@code properties}, {@code groups} or {@code hints}
	 * @return the entries
	 */
	static List<JsonNode> metadata(String section) {
		List<JsonNode> selected = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			for (URL url : Collections.list(NatsPropertyNames.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream content = url.openStream()) {
					for (JsonNode item : mapper.readTree(content).path(section)) {
						if (item.path("name").asString().startsWith("nats.")) {
							selected.add(item);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return selected;
	}

	/**
	 * Return every settable name, map keys written {@value #KEY}.
	 * @return the names
	 */
	Set<String> leaves() {
		return this.leaves;
	}

	/**
	 * Whether a name a document gives is a property or a group of properties. Map keys may
	 * be concrete ({@code nats.jetstream.streams.ORDERS.max-bytes}) or placeholders
	 * ({@code <name>}); {@code *} stands for one or more segments ({@code nats.ssl.*}).
	 * @param name the name from the document
	 * @return whether it exists
	 */
	boolean isKnown(String name) {
		return Stream.concat(this.leaves.stream(), this.groups.stream()).anyMatch((known) -> covers(name, known));
	}

	/**
	 * Whether a documented name stands for a property name: equal to it, with any
	 * placeholder or concrete key where the property has {@value #KEY}, and {@code *}
	 * standing for one or more segments.
	 * @param documented the name as a document gives it
	 * @param property a property name, map keys written {@value #KEY}
	 * @return whether the documented name covers the property
	 */
	static boolean covers(String documented, String property) {
		String segment = "[^.]+";
		String documentedPattern = Pattern.quote(documented).replace("*", "\\E" + segment + "(?:\\." + segment + ")*\\Q");
		documentedPattern = documentedPattern.replaceAll("<[^>.]+>", "\\\\E" + segment + "\\\\Q");
		String propertyPattern = Pattern.quote(property).replace(KEY, "\\E" + segment + "\\Q");
		return property.matches(documentedPattern) || documented.matches(propertyPattern);
	}

	private void add(String name, ResolvableType type) {
		Class<?> resolved = type.toClass();
		if (Map.class.isAssignableFrom(resolved)) {
			ResolvableType value = type.asMap().getGeneric(1);
			if (isOwnSettings(value.toClass())) {
				addSettings(name + "." + KEY, value.toClass());
			}
			else {
				this.leaves.add(name + "." + KEY);
			}
		}
		else if (isOwnSettings(resolved)) {
			addSettings(name, resolved);
		}
		else {
			this.leaves.add(name);
		}
	}

	private void addSettings(String prefix, Class<?> settings) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(settings)) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
				add(prefix + "." + kebab(descriptor.getName()),
						ResolvableType.forMethodReturnType(descriptor.getReadMethod()));
			}
		}
	}

	private static boolean isOwnSettings(Class<?> type) {
		return type.getName().startsWith(OWN_PACKAGE) && !type.isEnum() && !type.isInterface();
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static java.lang.reflect.Type typeOf(String name) {
		if (name.isEmpty()) {
			return Object.class;
		}
		int generic = name.indexOf('<');
		Class<?> raw = load((generic < 0) ? name : name.substring(0, generic));
		if (generic < 0 || !Map.class.isAssignableFrom(raw)) {
			return raw;
		}
		String value = name.substring(name.indexOf(',') + 1, name.lastIndexOf('>')).trim();
		return ResolvableType.forClassWithGenerics(Map.class, String.class, load(value)).getType();
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, NatsPropertyNames.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return Object.class;
		}
	}

}
