package io.github.natsboot.metrics;

import io.github.natsboot.core.NatsTemplateOperation;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NatsSenderContextTests {

	@Test
	void propagatedValuesBecomeValidHeaderValuesWithoutBeingCut() {
		Headers headers = new Headers();
		NatsSenderContext context = new NatsSenderContext(headers, NatsTemplateOperation.PUBLISH, "orders", "natsTemplate");
		String longValue = "k=" + "v".repeat(3000);
		context.getSetter().set(headers, "baggage", "user=J\u00fcrgen\r\nrole=admin");
		context.getSetter().set(headers, "X-Long", longValue);
		assertThat(headers.getFirst("baggage")).isEqualTo("user=J\\u00fcrgen  role=admin");
		assertThat(headers.getFirst("X-Long")).isEqualTo(longValue);
	}

}
