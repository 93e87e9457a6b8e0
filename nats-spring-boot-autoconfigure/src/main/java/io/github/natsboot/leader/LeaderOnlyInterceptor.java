package io.github.natsboot.leader;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Proceeds with a {@link LeaderOnly @LeaderOnly} method only when this node leads its
 * group; otherwise returns an empty value.
 */
final class LeaderOnlyInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(LeaderOnly.class);

	private final Function<String, NatsLeaderElection> elections;

	private final Map<Method, String> groups = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor.
	 * @param elections returns the election of a group given as declared on
	 * {@code @LeaderOnly} (empty for the default group), or throws when there is none
	 */
	LeaderOnlyInterceptor(Function<String, NatsLeaderElection> elections) {
		this.elections = elections;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis()) : null;
		String group = this.groups.computeIfAbsent(method, (key) -> declaredGroup(key, targetClass));
		NatsLeaderElection election = this.elections.apply(group);
		if (election.isLeader()) {
			return invocation.proceed();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Skipped " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
					+ "(): node '" + election.getNodeId() + "' does not lead group '" + election.getGroup() + "'");
		}
		return emptyValue(method.getReturnType());
	}

	private static String declaredGroup(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		LeaderOnly leaderOnly = AnnotatedElementUtils.findMergedAnnotation(specific, LeaderOnly.class);
		if (leaderOnly == null) {
			leaderOnly = AnnotatedElementUtils.findMergedAnnotation(method, LeaderOnly.class);
		}
		return (leaderOnly != null) ? leaderOnly.group() : "";
	}

	private static Object emptyValue(Class<?> type) {
		if (type == Optional.class) {
			return Optional.empty();
		}
		if (type.isPrimitive() && type != void.class) {
			return Array.get(Array.newInstance(type, 1), 0);
		}
		return null;
	}

}
