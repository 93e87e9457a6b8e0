package io.github.natsboot.autoconfigure.jetstream;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nats.client.Connection;

/**
 * A {@link Connection} that is never connected and records which methods were called:
 * enough for the auto-configuration to create its beans, and much faster to create than
 * a mock of the large interface.
 */
final class ConnectionStub {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
			new Class<?>[] { Connection.class }, (proxy, method, args) -> {
				if (method.getDeclaringClass() == Object.class) {
					return switch (method.getName()) {
						case "equals" -> proxy == args[0];
						case "hashCode" -> System.identityHashCode(proxy);
						default -> "ConnectionStub";
					};
				}
				this.calls.add(method.getName());
				return (method.getName().equals("getStatus")) ? Connection.Status.DISCONNECTED : null;
			});

	Connection connection() {
		return this.connection;
	}

	List<String> calls() {
		return this.calls;
	}

}
