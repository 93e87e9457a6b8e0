package io.github.natsboot.test;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedNatsContextCustomizerFactoryTests {

	private final EmbeddedNatsContextCustomizerFactory factory = new EmbeddedNatsContextCustomizerFactory();

	@Test
	void factoryIsRegisteredWithTheSpringTestContextFramework() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ContextCustomizerFactory.class))
			.hasAtLeastOneElementOfType(EmbeddedNatsContextCustomizerFactory.class);
	}

	@Test
	void classesWithTheSameAttributesGetEqualCustomizersSoTheyShareAContext() {
		assertThat(customizer(Defaults.class)).isEqualTo(customizer(SameDefaults.class))
			.hasSameHashCodeAs(customizer(SameDefaults.class));
	}

	@Test
	void classesWithDifferentAttributesGetDifferentCustomizers() {
		assertThat(customizer(Defaults.class)).isNotEqualTo(customizer(ThreeNodes.class))
			.isNotEqualTo(customizer(WithConfig.class))
			.isNotEqualTo(customizer(OtherProperty.class));
	}

	@Test
	void classWithoutTheAnnotationGetsNoCustomizer() {
		assertThat(customizer(NotAnnotated.class)).isNull();
	}

	@Test
	void nestedClassUsesTheEnclosingClassAnnotation() {
		assertThat(customizer(ThreeNodes.Inner.class)).isEqualTo(customizer(ThreeNodes.class));
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	@EmbeddedNats
	static class Defaults {

	}

	@EmbeddedNats(nodes = 1, jetStream = true, serversProperty = "nats.servers")
	static class SameDefaults {

	}

	@EmbeddedNats(nodes = 3)
	static class ThreeNodes {

		@Nested
		class Inner {

		}

	}

	@EmbeddedNats(config = "max_payload: 2MB")
	static class WithConfig {

	}

	@EmbeddedNats(serversProperty = "spring.nats.servers")
	static class OtherProperty {

	}

	static class NotAnnotated {

	}

}
