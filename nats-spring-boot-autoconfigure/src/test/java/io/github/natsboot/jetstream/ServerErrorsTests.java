package io.github.natsboot.jetstream;

import io.github.natsboot.jetstream.JetStreamProvisioningException.Problem;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ApiResponse;
import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerErrors}, with the codes and descriptions nats-server 2.9 sends.
 */
class ServerErrorsTests {

	private static final StreamDefinition STREAM = StreamDefinition.builder("orders").build();

	private static final ConsumerDefinition CONSUMER = ConsumerDefinition.builder("orders", "billing").build();

	private static final KeyValueDefinition BUCKET = KeyValueDefinition.builder("carts").build();

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "10052|stream configuration update can not change storage type|storage",
			"10052|stream configuration update can not change retention policy|retention",
			"10052|duplicates window can not be larger then max age|duplicate-window",
			"10065|subjects overlap with an existing stream|subjects",
			"10074|replicas > 1 not supported in non-clustered mode|replicas",
			"10023|insufficient resources|replicas",
			"10052|stream configuration update can not cancel deny message deletes|deny-delete",
			"10052|stream configuration update can not cancel deny purge|deny-purge",
			"10052|stream configuration update can not unseal a sealed stream|sealed",
			"10052|stream configuration update can not change MaxConsumers|max-consumers",
			"10055|stream mirror configuration can not be updated|mirror",
			"10052|duplicate source configuration detected|sources",
			"10052|roll-ups require the purge permission|allow-rollup" })
	void streamRejectionsNameTheStreamSetting(int code, String description, String field) {
		assertThat(problem(STREAM, code, description).property()).isEqualTo("streams.orders." + field);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "10012|deliver policy can not be updated|deliver-policy",
			"10012|ack policy can not be updated|ack-policy", "10012|replay policy can not be updated|replay-policy",
			"10012|start sequence can not be updated|opt-start-seq",
			"10012|start time can not be updated|opt-start-time",
			"10116|max deliver is required to be > length of backoff values|backoff",
			"10093|consumer filter subject is not a valid subset of the interest subjects|filter-subjects",
			"10094|consumer delivery policy is deliver new, but optional start sequence is also set|opt-start-seq",
			"10099|multiple non-filtered consumers not allowed on workqueue stream|filter-subjects",
			"10012|max waiting can not be updated|max-waiting",
			"10086|consumer in pull mode can not have rate limit set|rate-limit",
			"10012|can not update pull consumer to push based|deliver-subject" })
	void consumerRejectionsNameTheConsumerSetting(int code, String description, String field) {
		assertThat(problem(CONSUMER, code, description).property())
			.isEqualTo("streams.orders.consumers.billing." + field);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "10052|stream configuration update can not change storage type|storage",
			"10052|duplicates window can not be larger then max age|ttl", "10074|replicas > 1 not supported|replicas" })
	void keyValueRejectionsNameTheBucketSetting(int code, String description, String field) {
		assertThat(problem(BUCKET, code, description).property()).isEqualTo("key-value.carts." + field);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "10049|something new", "10052|invalid configuration" })
	void unknownRejectionsNameTheDefinitionAndQuoteTheServer(int code, String description) {
		Problem problem = problem(STREAM, code, description);
		assertThat(problem.property()).isEqualTo("streams.orders");
		assertThat(problem.reason()).contains(description).contains(String.valueOf(code));
	}

	private static Problem problem(JetStreamDefinition definition, int code, String description) {
		return ServerErrors.toProblem(definition, apiException(code, description), null);
	}

	@SuppressWarnings("deprecation")
	private static JetStreamApiException apiException(int code, String description) {
		String json = "{\"error\":{\"code\":400,\"err_code\":" + code + ",\"description\":\"" + description + "\"}}";
		try {
			return new JetStreamApiException(new ApiResponse<Object>(JsonParser.parse(json)) {
			});
		}
		catch (JsonParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
