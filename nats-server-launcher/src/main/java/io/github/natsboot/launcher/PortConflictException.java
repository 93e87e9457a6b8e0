package io.github.natsboot.launcher;

/**
 * A server exited at startup because one of its ports was taken, so that a server on freely
 * chosen ports can be started again on other ones.
 */
class PortConflictException extends NatsServerLaunchException {

	private static final long serialVersionUID = 1L;

	PortConflictException(String message) {
		super(message);
	}

}
