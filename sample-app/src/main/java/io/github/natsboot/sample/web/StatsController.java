package io.github.natsboot.sample.web;

import io.github.natsboot.sample.SampleCounters;
import io.github.natsboot.sample.SampleInstance;
import io.github.natsboot.sample.WebRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats}: the request counters of this instance (web role).
 */
@RestController
@WebRole
public class StatsController {

	private final SampleInstance instance;

	private final SampleCounters counters;

	StatsController(SampleInstance instance, SampleCounters counters) {
		this.instance = instance;
		this.counters = counters;
	}

	/**
	 * Return the counters.
	 * @return what this instance counted
	 */
	@GetMapping("/api/stats")
	public Stats stats() {
		return new Stats(this.instance.getId(), this.instance.getRoles(), this.counters.getCounts(),
				this.counters.getAnswersByWorker());
	}

}
