package io.github.natsboot.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Service endpoint names derived from listener ids: characters other than letters,
 * digits, {@code -} and {@code _} (which a service endpoint name cannot contain) become
 * {@code -}, and a listener with several subjects gets one endpoint per subject, numbered
 * from {@code -1}.
 */
final class ServiceEndpointNames {

	private ServiceEndpointNames() {
	}

	static List<String> of(String listenerId, int subjects) {
		String base = listenerId.replaceAll("[^A-Za-z0-9_-]", "-");
		if (subjects == 1) {
			return List.of(base);
		}
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= subjects; i++) {
			names.add(base + "-" + i);
		}
		return List.copyOf(names);
	}

}
