package io.github.natsboot.leader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LeaderOnlyInterceptor}.
 */
class LeaderOnlyInterceptorTests {

	private final NatsLeaderElection election = mock(NatsLeaderElection.class);

	private final List<String> groups = new ArrayList<>();

	private final Jobs target = new Jobs();

	@Test
	void theLeaderRunsTheMethod() {
		given(this.election.isLeader()).willReturn(true);
		Jobs jobs = proxy();
		assertThat(jobs.name()).isEqualTo("jobs");
		assertThat(jobs.count()).isEqualTo(3);
		jobs.run();
		assertThat(this.target.runs).isOne();
	}

	@Test
	void aFollowerSkipsTheMethodAndGetsAnEmptyValue() {
		Jobs jobs = proxy();
		assertThat(jobs.name()).isNull();
		assertThat(jobs.count()).isZero();
		assertThat(jobs.enabled()).isFalse();
		assertThat(jobs.optional()).isEmpty();
		jobs.run();
		assertThat(this.target.runs).isZero();
	}

	@Test
	void theDeclaredGroupSelectsTheElection() {
		Jobs jobs = proxy();
		jobs.run();
		jobs.report();
		assertThat(this.groups).containsExactly("", "reports");
	}

	@Test
	void methodsWithoutTheAnnotationAreNotIntercepted() {
		Jobs jobs = proxy();
		assertThat(jobs.unguarded()).isEqualTo("always");
		assertThat(this.groups).isEmpty();
	}

	private Jobs proxy() {
		LeaderOnlyInterceptor interceptor = new LeaderOnlyInterceptor((group) -> {
			this.groups.add(group);
			return this.election;
		});
		ProxyFactory factory = new ProxyFactory(this.target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, LeaderOnly.class, true),
				interceptor));
		return (Jobs) factory.getProxy();
	}

	static class Jobs {

		int runs;

		@LeaderOnly
		public void run() {
			this.runs++;
		}

		@LeaderOnly(group = "reports")
		public void report() {
		}

		@LeaderOnly
		public String name() {
			return "jobs";
		}

		@LeaderOnly
		public int count() {
			return 3;
		}

		@LeaderOnly
		public boolean enabled() {
			return true;
		}

		@LeaderOnly
		public Optional<String> optional() {
			return Optional.of("value");
		}

		public String unguarded() {
			return "always";
		}

	}

}
