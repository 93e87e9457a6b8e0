package io.github.natsboot.listener;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The asynchronous return type of a listener method, worked out once when the listener is
 * registered: a {@link CompletionStage} (such as a {@code CompletableFuture}), or a
 * single-value type that spring-core's {@link ReactiveAdapterRegistry} can adapt (a
 * Reactor {@code Mono} when Reactor is on the classpath). It tells when a returned value
 * completes and with what; the listener's result is that value, or its error.
 */
abstract class AsyncReturnType {

	private final boolean producesValue;

	private AsyncReturnType(boolean producesValue) {
		this.producesValue = producesValue;
	}

	/**
	 * The asynchronous return type of a method, if it has one.
	 * @param returnType the method's return type
	 * @return the type, or {@code null} for a method that returns its result
	 * @throws IllegalStateException for a reactive type that completes with many values
	 */
	static AsyncReturnType of(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		if (CompletionStage.class.isAssignableFrom(type)) {
			return new CompletionStageReturnType(producesValue(returnType));
		}
		ReactiveAdapter adapter = ReactiveAdapters.adapterFor(type);
		if (adapter == null) {
			return null;
		}
		if (adapter.isMultiValue()) {
			throw new IllegalStateException("@NatsListener method " + returnType.getMethod()
					+ " returns " + type.getSimpleName() + ", which can complete with many values: return a single "
					+ "value (a Mono, a CompletableFuture) or the value itself");
		}
		return new ReactiveReturnType(adapter, !adapter.isNoValue() && producesValue(returnType));
	}

	private static boolean producesValue(MethodParameter returnType) {
		Class<?> valueType = ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve();
		return valueType != Void.class;
	}

	/**
	 * Whether the type completes with a value that answers requests: {@code false} for
	 * {@code CompletableFuture<Void>} or {@code Mono<Void>}, which answer like a
	 * {@code void} method.
	 * @return whether it completes with a value
	 */
	boolean producesValue() {
		return this.producesValue;
	}

	/**
	 * Call back once a returned value completes: with the value ({@code null} for none,
	 * an empty {@code Mono} or a {@code null} return), or with the error it completed
	 * with. The callback runs on the thread that completes it, at once when it is
	 * already complete.
	 * @param returned what the method returned
	 * @param callback receives the value or the error
	 */
	abstract void whenComplete(Object returned, BiConsumer<Object, Throwable> callback);

	private static Throwable unwrap(Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

	private static final class CompletionStageReturnType extends AsyncReturnType {

		CompletionStageReturnType(boolean producesValue) {
			super(producesValue);
		}

		@Override
		@SuppressWarnings("unchecked")
		void whenComplete(Object returned, BiConsumer<Object, Throwable> callback) {
			if (returned == null) {
				callback.accept(null, null);
				return;
			}
			((CompletionStage<Object>) returned)
				.whenComplete((value, error) -> callback.accept(value, (error != null) ? unwrap(error) : null));
		}

	}

	private static final class ReactiveReturnType extends AsyncReturnType {

		private final ReactiveAdapter adapter;

		ReactiveReturnType(ReactiveAdapter adapter, boolean producesValue) {
			super(producesValue);
			this.adapter = adapter;
		}

		@Override
		void whenComplete(Object returned, BiConsumer<Object, Throwable> callback) {
			if (returned == null) {
				callback.accept(null, null);
				return;
			}
			Publisher<Object> publisher = this.adapter.toPublisher(returned);
			publisher.subscribe(new SingleValueSubscriber(callback));
		}

	}

	/**
	 * Subscribes to a single-value publisher and reports its value, or its error, once.
	 */
	private static final class SingleValueSubscriber implements Subscriber<Object> {

		private final BiConsumer<Object, Throwable> callback;

		private Object value;

		private boolean done;

		SingleValueSubscriber(BiConsumer<Object, Throwable> callback) {
			this.callback = callback;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Object value) {
			this.value = value;
		}

		@Override
		public void onError(Throwable error) {
			if (!this.done) {
				this.done = true;
				this.callback.accept(null, unwrap(error));
			}
		}

		@Override
		public void onComplete() {
			if (!this.done) {
				this.done = true;
				this.callback.accept(this.value, null);
			}
		}

	}

	/**
	 * Looks up reactive adapters only when a reactive library is on the classpath, so
	 * that the Reactive Streams types are never loaded without one.
	 */
	private static final class ReactiveAdapters {

		private static final boolean REACTIVE_STREAMS_PRESENT = ClassUtils.isPresent("org.reactivestreams.Publisher",
				AsyncReturnType.class.getClassLoader());

		static ReactiveAdapter adapterFor(Class<?> type) {
			if (!REACTIVE_STREAMS_PRESENT || type.isPrimitive()) {
				return null;
			}
			return ReactiveAdapterRegistry.getSharedInstance().getAdapter(type);
		}

	}

}
