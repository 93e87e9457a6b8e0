package io.github.natsboot.leader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.Message;
import io.nats.client.MessageTtl;
import io.nats.client.PublishOptions;
import io.nats.client.api.Error;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.PublishAck;
import io.nats.client.api.ServerInfo;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link KeyValueLeaseStore} on mocks of the jnats API, for what the real server
 * of these tests (2.9) cannot show: leases with a time to live of their own on servers
 * 2.11 and later.
 */
class KeyValueLeaseStoreTests {

	private static final Duration TTL = Duration.ofSeconds(3);

	private final LeaderElectionSettings settings = LeaderElectionSettings.builder()
		.bucket("leases")
		.group("orders")
		.nodeId("node-1")
		.ttl(TTL)
		.build();

	private final Connection connection = mock(Connection.class);

	private final KeyValueManagement management = mock(KeyValueManagement.class);

	private final KeyValue keyValue = mock(KeyValue.class);

	private final JetStream jetStream = mock(JetStream.class);

	private final KeyValueLeaseStore store = new KeyValueLeaseStore(this.connection, this.settings);

	@Test
	void onAServerWithPerKeyTtlLeasesAreCreatedAndRenewedWithTheirOwnTtl() throws Exception {
		connectTo("2.11.1", status(TTL, true));
		this.store.open((change) -> {
		});
		given(this.keyValue.create(eq("orders"), any(byte[].class), any(MessageTtl.class))).willReturn(7L);
		assertThat(this.store.create()).hasValue(7);
		ArgumentCaptor<MessageTtl> ttl = ArgumentCaptor.forClass(MessageTtl.class);
		verify(this.keyValue).create(eq("orders"), eq(bytes("node-1")), ttl.capture());
		assertThat(ttl.getValue().getTtlString()).isEqualTo("3s");
		PublishAck ack = mock(PublishAck.class);
		given(ack.getSeqno()).willReturn(8L);
		given(this.jetStream.publish(any(Message.class), any(PublishOptions.class))).willReturn(ack);
		assertThat(this.store.renew(7)).isEqualTo(8);
		ArgumentCaptor<Message> message = ArgumentCaptor.forClass(Message.class);
		ArgumentCaptor<PublishOptions> options = ArgumentCaptor.forClass(PublishOptions.class);
		verify(this.jetStream).publish(message.capture(), options.capture());
		assertThat(message.getValue().getSubject()).isEqualTo("$KV.leases.orders");
		assertThat(message.getValue().getData()).isEqualTo(bytes("node-1"));
		assertThat(options.getValue().getExpectedLastSubjectSequence()).isEqualTo(7);
		assertThat(options.getValue().getMessageTtl()).isEqualTo("3s");
		verify(this.keyValue, never()).update(any(), any(byte[].class), anyLong());
	}

	@Test
	void onAServerWithoutPerKeyTtlLeasesAreRenewedOnTheirRevisionAndExpireWithTheBucket() throws Exception {
		connectTo("2.9.10", status(TTL, false));
		this.store.open((change) -> {
		});
		given(this.keyValue.create("orders", bytes("node-1"))).willReturn(3L);
		given(this.keyValue.update("orders", bytes("node-1"), 3L)).willReturn(4L);
		assertThat(this.store.create()).hasValue(3);
		assertThat(this.store.renew(3)).isEqualTo(4);
		this.store.release(4);
		verify(this.keyValue).delete("orders", 4L);
		verify(this.keyValue, never()).create(any(), any(byte[].class), any(MessageTtl.class));
	}

	@Test
	void aLeaseHeldByAnotherNodeIsNoFailure() throws Exception {
		connectTo("2.9.10", status(TTL, false));
		this.store.open((change) -> {
		});
		JetStreamApiException wrongLastSequence = apiError(10071);
		given(this.keyValue.create("orders", bytes("node-1"))).willThrow(wrongLastSequence);
		assertThat(this.store.create()).isEqualTo(OptionalLong.empty());
	}

	@Test
	void aMissingBucketIsCreatedWithTheLeaseTtl() throws Exception {
		connectTo("2.9.10", null);
		JetStreamApiException streamNotFound = apiError(10059);
		given(this.management.getStatus("leases")).willThrow(streamNotFound);
		KeyValueStatus created = status(TTL, false);
		given(this.management.create(any(KeyValueConfiguration.class))).willReturn(created);
		this.store.open((change) -> {
		});
		ArgumentCaptor<KeyValueConfiguration> configuration = ArgumentCaptor.forClass(KeyValueConfiguration.class);
		verify(this.management).create(configuration.capture());
		assertThat(configuration.getValue().getBucketName()).isEqualTo("leases");
		assertThat(configuration.getValue().getTtl()).isEqualTo(TTL);
		verify(this.keyValue).watch(eq("orders"), any(KeyValueWatcher.class));
	}

	@Test
	void nothingIsSentWhileDisconnected() throws Exception {
		connectTo("2.9.10", status(TTL, false));
		this.store.open((change) -> {
		});
		given(this.connection.getStatus()).willReturn(Connection.Status.RECONNECTING);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.store.renew(3))
			.withMessageContaining("RECONNECTING");
		verify(this.keyValue, never()).update(any(), any(byte[].class), anyLong());
	}

	private void connectTo(String version, KeyValueStatus status) throws Exception {
		ServerInfo serverInfo = mock(ServerInfo.class);
		given(serverInfo.isSameOrNewerThanVersion("2.11.0")).willReturn(version.compareTo("2.11.0") >= 0);
		given(this.connection.getServerInfo()).willReturn(serverInfo);
		given(this.connection.getStatus()).willReturn(Connection.Status.CONNECTED);
		given(this.connection.keyValueManagement(any(KeyValueOptions.class))).willReturn(this.management);
		given(this.connection.keyValue(eq("leases"), any(KeyValueOptions.class))).willReturn(this.keyValue);
		given(this.connection.jetStream(any())).willReturn(this.jetStream);
		if (status != null) {
			given(this.management.getStatus("leases")).willReturn(status);
		}
	}

	private static KeyValueStatus status(Duration ttl, boolean allowMessageTtl) {
		StreamConfiguration stream = mock(StreamConfiguration.class);
		given(stream.isAllowMessageTtl()).willReturn(allowMessageTtl);
		KeyValueConfiguration configuration = mock(KeyValueConfiguration.class);
		given(configuration.getBackingConfig()).willReturn(stream);
		KeyValueStatus status = mock(KeyValueStatus.class);
		given(status.getTtl()).willReturn(ttl);
		given(status.getConfiguration()).willReturn(configuration);
		return status;
	}

	private static JetStreamApiException apiError(int code) {
		Error error = mock(Error.class);
		given(error.getApiErrorCode()).willReturn(code);
		given(error.getDescription()).willReturn("error " + code);
		return new JetStreamApiException(error);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
