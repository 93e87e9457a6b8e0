package io.github.natsboot.sample;

import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds the id and the roles of this instance to {@code /actuator/info}.
 */
@Component
public class SampleInfoContributor implements InfoContributor {

	private final SampleInstance instance;

	SampleInfoContributor(SampleInstance instance) {
		this.instance = instance;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("sample", Map.of("instance", this.instance.getId(), "roles", this.instance.getRoles()));
	}

}
