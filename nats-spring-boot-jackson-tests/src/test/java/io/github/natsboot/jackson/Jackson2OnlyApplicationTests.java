package io.github.natsboot.jackson;

import io.github.natsboot.test.EmbeddedNats;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application with Jackson 2 only: {@code spring-boot-starter-jackson} excluded from
 * the starter and {@code spring-boot-jackson2} added.
 */
@SpringBootTest(classes = OrderApplication.class, properties = "spring.jackson2.property-naming-strategy=SNAKE_CASE")
@EmbeddedNats(jetStream = false)
class Jackson2OnlyApplicationTests extends JsonRoundTripTests {

	@Override
	boolean jackson3() {
		return false;
	}

}
