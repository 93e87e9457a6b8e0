package io.github.natsboot.sample;

import io.github.natsboot.core.NatsServiceErrorException;
import io.github.natsboot.listener.LoggingNatsListenerErrorHandler;
import io.github.natsboot.listener.NatsListenerErrorHandler;
import io.github.natsboot.listener.NatsListenerExecutionFailedException;
import io.github.natsboot.sample.order.UnknownItemException;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The listeners' error handler (worker role): expected refusals (a quote answered with a
 * client error, an order for an unknown item) are logged in one line at WARN; anything
 * else is logged with its stack trace by the starter's default handler. In both cases the
 * requester gets the error and a failing order is redelivered.
 */
@Component
@WorkerRole
public class SampleListenerErrorHandler implements NatsListenerErrorHandler {

	private static final Log logger = LogFactory.getLog(SampleListenerErrorHandler.class);

	private final NatsListenerErrorHandler unexpected = new LoggingNatsListenerErrorHandler();

	@Override
	public Object handleError(Message message, NatsListenerExecutionFailedException exception) throws Exception {
		Throwable cause = exception.getCause();
		String refusal = refusal(cause);
		if (refusal != null) {
			logger.warn("Listener '" + exception.getListenerId() + "' refused a message on " + message.getSubject()
					+ ": " + refusal);
			return null;
		}
		return this.unexpected.handleError(message, exception);
	}

	private static String refusal(Throwable cause) {
		if (cause instanceof NatsServiceErrorException serviceError && serviceError.getCode() < 500) {
			return serviceError.getDescription();
		}
		return (cause instanceof UnknownItemException) ? cause.getMessage() : null;
	}

}
