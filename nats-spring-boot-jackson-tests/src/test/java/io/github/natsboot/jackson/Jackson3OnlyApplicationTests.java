package io.github.natsboot.jackson;

import io.github.natsboot.test.EmbeddedNats;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application with Jackson 3 only, as the starter brings it (Spring Boot 4's default).
 */
@SpringBootTest(classes = OrderApplication.class, properties = "spring.jackson.property-naming-strategy=SNAKE_CASE")
@EmbeddedNats(jetStream = false)
class Jackson3OnlyApplicationTests extends JsonRoundTripTests {

	@Override
	boolean jackson3() {
		return true;
	}

}
