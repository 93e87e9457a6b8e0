package io.github.natsboot.listener;

import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The default {@link NatsListenerErrorHandler}: logs the failure with the listener id
 * and subject, and lets the requester be answered with the error.
 */
public class LoggingNatsListenerErrorHandler implements NatsListenerErrorHandler {

	private static final Log logger = LogFactory.getLog(LoggingNatsListenerErrorHandler.class);

	@Override
	public Object handleError(Message message, NatsListenerExecutionFailedException exception) {
		if (exception.isConversionFailure()) {
			logger.warn(exception.getMessage());
		}
		else {
			logger.error(exception.getMessage(), exception.getCause());
		}
		return null;
	}

}
