package io.github.natsboot.listener;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JetStreamNatsListenerContainerTests {

	@Test
	void watchdogTicksEverySecondForAckWaitsOfFourSecondsOrMore() {
		assertThat(JetStreamNatsListenerContainer.watchdogTickMillis(Duration.ofSeconds(30))).isEqualTo(1000);
		assertThat(JetStreamNatsListenerContainer.watchdogTickMillis(Duration.ofSeconds(4))).isEqualTo(1000);
	}

	@Test
	void watchdogTicksEveryQuarterOfAShorterAckWaitSoThatKeepAlivesLeaveAQuarterOfIt() {
		assertThat(JetStreamNatsListenerContainer.watchdogTickMillis(Duration.ofSeconds(2))).isEqualTo(500);
		assertThat(JetStreamNatsListenerContainer.watchdogTickMillis(Duration.ofMillis(200))).isEqualTo(50);
	}

	@Test
	void watchdogNeverTicksMoreOftenThanEveryTenMilliseconds() {
		assertThat(JetStreamNatsListenerContainer.watchdogTickMillis(Duration.ofMillis(1))).isEqualTo(10);
	}

}
