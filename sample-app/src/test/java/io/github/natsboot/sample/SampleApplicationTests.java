package io.github.natsboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.natsboot.test.EmbeddedNats;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.configprops.show-values=always",
				"management.endpoints.web.exposure.include=health,configprops", "nats.username=demo",
				"nats.password=hunter2-secret" })
@EmbeddedNats
class SampleApplicationTests {

	@Autowired
	private Connection connection;

	@Autowired
	private Environment environment;

	@Test
	void applicationConnectsToNatsAndReportsHealthUp() throws Exception {
		assertThat(this.connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void readinessGroupIncludesTheNatsHealth() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"")
			.contains("\"readinessState\"")
			.contains("\"nats\"")
			.contains("\"connection\":\"CONNECTED\"");
	}

	@Test
	void configurationPropertiesEndpointMasksThePasswordEvenWhenValuesAreShown() throws Exception {
		HttpResponse<String> configprops = get("/actuator/configprops/nats");
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("\"username\":\"demo\"")
			.contains("\"password\":\"******\"")
			.doesNotContain("hunter2-secret");
	}

	private HttpResponse<String> get(String path) throws Exception {
		String port = this.environment.getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
