package io.github.natsboot.sample.leader;

import io.github.natsboot.leader.LeadershipGrantedEvent;
import io.github.natsboot.leader.LeadershipRevokedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs when this instance becomes the leader and when it stops leading, so that the
 * shipped logs show the leadership changes of every instance.
 */
@Component
public class LeadershipLogger {

	private static final Log logger = LogFactory.getLog(LeadershipLogger.class);

	@EventListener
	void granted(LeadershipGrantedEvent event) {
		logger.info("This instance now leads '" + event.getGroup() + "' (fencing token "
				+ event.getFencingToken() + "): it publishes the orders summary");
	}

	@EventListener
	void revoked(LeadershipRevokedEvent event) {
		logger.info("This instance no longer leads '" + event.getGroup() + "' (" + event.getReason()
				+ ")");
	}

}
