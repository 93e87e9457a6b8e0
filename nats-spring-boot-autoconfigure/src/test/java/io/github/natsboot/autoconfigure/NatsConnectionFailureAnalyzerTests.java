package io.github.natsboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class NatsConnectionFailureAnalyzerTests {

	@Test
	void analyzerIsRegisteredForSpringBootToFind() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(NatsConnectionFailureAnalyzer.class);
	}

	@Test
	void analysisFindsTheConnectionExceptionWrappedInBeanCreationFailures() {
		NatsConnectionException failure = new NatsConnectionException(NatsConnectionException.Reason.UNREACHABLE,
				List.of("nats://a:4222", "nats://b:4222"), NatsAuthenticationMethod.NONE, null, "Connection refused",
				null);
		FailureAnalysis analysis = new NatsConnectionFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean 'natsConnection'", failure));
		assertThat(analysis.getDescription()).contains("nats://a:4222, nats://b:4222").contains("Connection refused");
	}

	@Test
	void authorizationAnalysisNamesThePropertiesOfTheMethodUsed() {
		NatsConnectionException failure = new NatsConnectionException(
				NatsConnectionException.Reason.AUTHORIZATION, List.of("nats://a:4222"), NatsAuthenticationMethod.NKEY,
				null, "Authorization Violation", null);
		FailureAnalysis analysis = new NatsConnectionFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("Authentication method used: nkey");
		assertThat(analysis.getAction()).contains("nats.nkey");
	}

}
