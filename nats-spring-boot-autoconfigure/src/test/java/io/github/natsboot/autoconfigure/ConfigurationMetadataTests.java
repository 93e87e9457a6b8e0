package io.github.natsboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata generated for {@code nats.*} properties (merged with
 * {@code additional-spring-configuration-metadata.json}): what IDEs show when completing
 * {@code application.yml}.
 */
class ConfigurationMetadataTests {

	private static final Pattern TIME_NAME = Pattern
		.compile(".*[.-](timeout|interval|wait|jitter|expiry|ttl|backoff|delay|age)$");

	private static final Pattern BYTES_NAME = Pattern.compile(".*(bytes|buffer-size)$");

	private static final Set<String> TYPES_WITH_VALUES = Set.of(Boolean.class.getName(), Integer.class.getName(),
			Long.class.getName(), Duration.class.getName(), DataSize.class.getName());

	private final List<JsonNode> properties = natsProperties();

	private final JsonNode hints = natsHints();

	@Test
	void everyNatsPropertyIsDescribedInASentence() {
		assertThat(this.properties).extracting((property) -> property.path("name").asString())
			.contains("nats.servers", "nats.listener.stop-timeout", "nats.service.enabled");
		for (JsonNode property : this.properties) {
			assertThat(property.path("description").asString("")).as(name(property)).isNotBlank().endsWith(".");
		}
	}

	@Test
	void timePropertiesAreDurations() {
		for (JsonNode property : this.properties) {
			if (TIME_NAME.matcher(name(property)).matches()) {
				assertThat(type(property)).as(name(property))
					.isIn(Duration.class.getName(), "java.util.List<java.time.Duration>");
			}
		}
	}

	@Test
	void sizePropertiesAreDataSizes() {
		for (JsonNode property : this.properties) {
			if (BYTES_NAME.matcher(name(property)).matches()) {
				assertThat(type(property)).as(name(property)).isEqualTo(DataSize.class.getName());
			}
		}
	}

	@Test
	void enumPropertiesAreTypedWithTheirEnumAndDefaultToOneOfItsValues() throws Exception {
		List<JsonNode> enums = new ArrayList<>();
		for (JsonNode property : this.properties) {
			if (ClassUtils.isPresent(type(property), null)
					&& ClassUtils.forName(type(property), null).isEnum()) {
				enums.add(property);
				Class<?> type = ClassUtils.forName(type(property), null);
				if (property.has("defaultValue")) {
					String value = property.get("defaultValue").asString().replace("-", "_");
					assertThat(Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()))
						.as(name(property))
						.anyMatch(value::equalsIgnoreCase);
				}
			}
		}
		assertThat(enums).extracting(ConfigurationMetadataTests::name).contains("nats.jetstream.provisioning.mode");
	}

	@Test
	void scalarPropertiesDeclareOrExplainTheirDefault() {
		for (JsonNode property : this.properties) {
			if (TYPES_WITH_VALUES.contains(type(property)) && !property.has("defaultValue")) {
				assertThat(property.path("description").asString()).as(name(property) + " has no default value")
					.contains("Defaults to");
			}
		}
	}

	@Test
	void hintsReferToExistingProperties() {
		List<String> names = this.properties.stream().map(ConfigurationMetadataTests::name).toList();
		for (JsonNode hint : this.hints) {
			assertThat(names).as("hint " + hint.path("name").asString()).contains(hint.path("name").asString());
		}
	}

	private static String name(JsonNode property) {
		return property.path("name").asString();
	}

	private static String type(JsonNode property) {
		return property.path("type").asString("");
	}

	private static List<JsonNode> natsProperties() {
		return NatsPropertyNames.metadata("properties");
	}

	private static JsonNode natsHints() {
		return JsonMapper.builder().build().valueToTree(NatsPropertyNames.metadata("hints"));
	}

}
