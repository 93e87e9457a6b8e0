package io.github.natsboot.leader;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.Ordered;

/**
 * Proxies the beans that have {@link LeaderOnly @LeaderOnly} methods, so that those
 * methods run only on the leader of their group. Runs before the
 * {@code @Scheduled} post-processor, so that scheduled calls go through the proxy.
 *
 * <p>Fails startup when some bean has {@code @LeaderOnly} methods and there is no
 * {@link NatsLeaderElectionRegistry}: running them on every node instead would be the
 * wrong default.
 */
public class LeaderOnlyBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
		implements SmartInitializingSingleton {

	private final Set<String> leaderOnlyBeans = new TreeSet<>();

	private ListableBeanFactory beanFactory;

	private volatile NatsLeaderElectionRegistry registry;

	/**
	 * Create a post-processor that proxies target classes (so that methods need not be
	 * declared on an interface) and checks leadership before any other advice.
	 */
	public LeaderOnlyBeanPostProcessor() {
		setProxyTargetClass(true);
		setBeforeExistingAdvisors(true);
		setOrder(Ordered.LOWEST_PRECEDENCE - 1);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, LeaderOnly.class, true),
				new LeaderOnlyInterceptor(this::election));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Object result = super.postProcessAfterInitialization(bean, beanName);
		if (result != bean || isEligible(bean, beanName)) {
			synchronized (this.leaderOnlyBeans) {
				this.leaderOnlyBeans.add(beanName);
			}
		}
		return result;
	}

	@Override
	public void afterSingletonsInstantiated() {
		synchronized (this.leaderOnlyBeans) {
			if (this.leaderOnlyBeans.isEmpty() || this.beanFactory == null) {
				return;
			}
			if (this.beanFactory.getBeanNamesForType(NatsLeaderElectionRegistry.class, false, false).length == 0) {
				throw new IllegalStateException("Beans " + this.leaderOnlyBeans
						+ " have @LeaderOnly methods but there is no leader election: set nats.leader.enabled=true");
			}
		}
	}

	private NatsLeaderElection election(String declaredGroup) {
		NatsLeaderElectionRegistry elections = registry();
		String group = resolve(declaredGroup);
		NatsLeaderElection election = group.isEmpty() ? elections.getDefaultElection() : elections.getElection(group);
		if (election == null) {
			throw new IllegalStateException("There is no leader election of group '" + group
					+ "' for @LeaderOnly: create it with NatsLeaderElectionRegistry.createElection(\"" + group
					+ "\")");
		}
		return election;
	}

	private NatsLeaderElectionRegistry registry() {
		NatsLeaderElectionRegistry current = this.registry;
		if (current == null) {
			current = (this.beanFactory != null)
					? this.beanFactory.getBeanProvider(NatsLeaderElectionRegistry.class).getIfAvailable() : null;
			if (current == null) {
				throw new IllegalStateException(
						"@LeaderOnly needs a leader election: set nats.leader.enabled=true");
			}
			this.registry = current;
		}
		return current;
	}

	private String resolve(String group) {
		if (group.isEmpty() || !(this.beanFactory instanceof ConfigurableBeanFactory configurable)) {
			return group;
		}
		String resolved = configurable.resolveEmbeddedValue(group);
		return (resolved != null) ? resolved : group;
	}

}
