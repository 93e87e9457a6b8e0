package io.github.natsboot.cloud.stream.binder;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the binder's page true to its properties: every binder and binding property has
 * one row in a property table of {@code docs/cloud-stream.md}, and every
 * {@code spring.cloud.stream.nats.*} name the page or the README gives exists.
 */
class BinderDocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern NAME = Pattern.compile("`(spring\\.cloud\\.stream\\.nats\\.[A-Za-z0-9.<>_-]*[A-Za-z0-9>_-])`");

	private final Set<String> properties = properties();

	@Test
	void everyBinderAndBindingPropertyHasOneRowInThePagesPropertyTables() throws IOException {
		List<String> rows = Files.readAllLines(ROOT.resolve("docs/cloud-stream.md"))
			.stream()
			.filter((line) -> line.startsWith("| `spring.cloud.stream.nats."))
			.map((line) -> line.substring(3, line.indexOf('`', 3)))
			.toList();
		List<String> problems = new ArrayList<>();
		for (String property : this.properties) {
			long count = rows.stream().filter(property::equals).count();
			if (count != 1) {
				problems.add(property + " has " + count + " rows");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyBinderPropertyThePageAndTheReadmeNameExists() throws IOException {
		List<String> unknown = new ArrayList<>();
		for (Path page : List.of(ROOT.resolve("docs/cloud-stream.md"), ROOT.resolve("README.md"))) {
			Matcher names = NAME.matcher(Files.readString(page));
			while (names.find()) {
				String name = names.group(1)
					.replaceFirst("^spring\\.cloud\\.stream\\.nats\\.default(\\.|$)",
							"spring.cloud.stream.nats.bindings.<binding>$1");
				if (!this.properties.contains(name) && !isGroup(name)) {
					unknown.add(page.getFileName() + ": " + name);
				}
			}
		}
		assertThat(unknown).isEmpty();
	}

	private boolean isGroup(String name) {
		String prefix = name.endsWith(".") ? name : name + ".";
		return this.properties.stream().anyMatch((property) -> property.startsWith(prefix));
	}

	private static Set<String> properties() {
		Set<String> names = new TreeSet<>();
		add(names, "spring.cloud.stream.nats.binder.", NatsBinderConfigurationProperties.class);
		add(names, "spring.cloud.stream.nats.bindings.<binding>.consumer.", NatsConsumerProperties.class);
		add(names, "spring.cloud.stream.nats.bindings.<binding>.producer.", NatsProducerProperties.class);
		return names;
	}

	private static void add(Set<String> names, String prefix, Class<?> type) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getWriteMethod() != null) {
				names.add(prefix + descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase());
			}
		}
	}

}
