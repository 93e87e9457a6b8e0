package io.github.natsboot.autoconfigure.jetstream;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.natsboot.jetstream.JetStreamAdmin;
import io.github.natsboot.jetstream.JetStreamDefinition;
import io.github.natsboot.jetstream.JetStreamProvisioningException;
import io.github.natsboot.jetstream.ProvisioningMode;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;

import org.springframework.beans.factory.InitializingBean;

/**
 * Provisions the application's JetStream definitions while the context is being created,
 * so that streams and consumers exist before any listener container starts. Definitions
 * are checked first, in every mode. When the connection is not established yet
 * ({@code nats.fail-fast=false}), provisioning runs in the background once it is, and
 * failures are logged.
 */
public class JetStreamProvisioner implements InitializingBean {

	/**
	 * Name of the auto-configured provisioner bean, for {@code @DependsOn}.
	 */
	public static final String BEAN_NAME = "natsJetStreamProvisioner";

	private static final Log logger = LogFactory.getLog(JetStreamProvisioner.class);

	private final JetStreamAdmin admin;

	private final Connection connection;

	private final ProvisioningMode mode;

	private final DefinitionOrigins origins;

	JetStreamProvisioner(JetStreamAdmin admin, Connection connection, ProvisioningMode mode,
			DefinitionOrigins origins) {
		this.admin = admin;
		this.connection = connection;
		this.mode = mode;
		this.origins = origins;
	}

	/**
	 * Return the definitions from properties and beans, in the order they are provisioned
	 * in.
	 * @return the definitions
	 */
	public List<JetStreamDefinition> getDefinitions() {
		return this.origins.definitions();
	}

	/**
	 * Return what happens to the definitions at startup.
	 * @return the provisioning mode
	 */
	public ProvisioningMode getMode() {
		return this.mode;
	}

	@Override
	public void afterPropertiesSet() {
		List<JetStreamDefinition> definitions = getDefinitions();
		runNamingProperties(() -> this.admin.checkDefinitions(definitions));
		if (this.mode == ProvisioningMode.NONE || definitions.isEmpty()) {
			return;
		}
		if (this.connection.getStatus() == Connection.Status.CONNECTED) {
			runNamingProperties(this::provision);
		}
		else {
			provisionOnceConnected();
		}
	}

	private void provision() {
		if (this.mode == ProvisioningMode.VALIDATE) {
			this.admin.validate(getDefinitions());
		}
		else {
			this.admin.provision(getDefinitions());
		}
	}

	@SuppressWarnings("deprecation")
	private void provisionOnceConnected() {
		logger.warn("Not connected to NATS yet: JetStream definitions will be "
				+ ((this.mode == ProvisioningMode.VALIDATE) ? "validated" : "provisioned") + " once connected");
		AtomicBoolean started = new AtomicBoolean();
		ConnectionListener listener = new ConnectionListener() {

			@Override
			@SuppressWarnings("deprecation")
			public void connectionEvent(Connection connection, Events event) {
				if ((event == Events.CONNECTED || event == Events.RECONNECTED) && started.compareAndSet(false, true)) {
					connection.removeConnectionListener(this);
					Thread thread = new Thread(JetStreamProvisioner.this::provisionInBackground,
							"nats-jetstream-provisioning");
					thread.setDaemon(true);
					thread.start();
				}
			}

		};
		this.connection.addConnectionListener(listener);
		if (this.connection.getStatus() == Connection.Status.CONNECTED) {
			listener.connectionEvent(this.connection, ConnectionListener.Events.CONNECTED);
		}
	}

	private void provisionInBackground() {
		try {
			runNamingProperties(this::provision);
		}
		catch (RuntimeException ex) {
			logger.error("JetStream provisioning failed after the connection was established: " + ex.getMessage(),
					ex);
		}
	}

	private void runNamingProperties(Runnable action) {
		try {
			action.run();
		}
		catch (JetStreamProvisioningException ex) {
			throw ex.withPropertyNames(this.origins::name);
		}
	}

}
