package io.github.natsboot.reactive;

import io.nats.client.impl.Headers;

/**
 * A core NATS message received by a
 * {@linkplain ReactiveNatsOperations#subscribeMessages(String, String, Class) reactive
 * subscription}, with its payload converted.
 *
 * @param <T> the payload type
 * @param subject the subject the message was published to
 * @param replyTo the subject to reply to, {@code null} when the sender expects no reply
 * @param headers the headers, {@code null} when there are none
 * @param payload the converted payload
 */
public record NatsReceivedMessage<T>(String subject, String replyTo, Headers headers, T payload) {

}
