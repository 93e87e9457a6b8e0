package io.github.natsboot.listener;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * An argument resolver that can work out, once per parameter, how it resolves that
 * parameter: {@link ListenerArguments} then uses the prepared {@link ListenerArgument}
 * for every message instead of calling {@link #resolveArgument} each time.
 */
interface PreparableArgumentResolver extends HandlerMethodArgumentResolver {

	/**
	 * Prepare the resolution of a parameter this resolver supports.
	 * @param parameter the parameter
	 * @return how its argument is resolved for a message
	 */
	ListenerArgument prepare(MethodParameter parameter);

}
