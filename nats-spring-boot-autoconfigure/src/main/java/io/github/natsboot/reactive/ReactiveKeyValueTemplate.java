package io.github.natsboot.reactive;

import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueOperations;
import io.github.natsboot.kv.KeyValueWatch;
import io.github.natsboot.kv.KeyValueWatchStart;
import io.github.natsboot.kv.VersionedValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link ReactiveKeyValueOperations} over the blocking {@link KeyValueOperations} of the
 * template, each call on a scheduler that may block.
 */
final class ReactiveKeyValueTemplate implements ReactiveKeyValueOperations {

	private final KeyValueOperations operations;

	private final Scheduler blockingScheduler;

	ReactiveKeyValueTemplate(KeyValueOperations operations, Scheduler blockingScheduler) {
		this.operations = operations;
		this.blockingScheduler = blockingScheduler;
	}

	@Override
	public String getBucket() {
		return this.operations.getBucket();
	}

	@Override
	public <T> Mono<VersionedValue<T>> get(String key, Class<T> type) {
		return Mono.fromCallable(() -> this.operations.get(key, type)).subscribeOn(this.blockingScheduler);
	}

	@Override
	public Mono<Long> put(String key, Object value) {
		return Mono.fromCallable(() -> this.operations.put(key, value)).subscribeOn(this.blockingScheduler);
	}

	@Override
	public Mono<Long> create(String key, Object value) {
		return Mono.fromCallable(() -> this.operations.create(key, value)).subscribeOn(this.blockingScheduler);
	}

	@Override
	public Mono<Long> update(String key, Object value, long expectedRevision) {
		return Mono.fromCallable(() -> this.operations.update(key, value, expectedRevision))
			.subscribeOn(this.blockingScheduler);
	}

	@Override
	public Mono<Void> delete(String key) {
		return Mono.<Void>fromRunnable(() -> this.operations.delete(key)).subscribeOn(this.blockingScheduler);
	}

	@Override
	public <T> Flux<KeyValueChange<T>> watch(String pattern, Class<T> type) {
		return watch(pattern, type, KeyValueWatchStart.UPDATES_ONLY);
	}

	@Override
	public <T> Flux<KeyValueChange<T>> watch(String pattern, Class<T> type, KeyValueWatchStart start) {
		return Flux.<KeyValueChange<T>>create((sink) -> {
			DemandGate gate = new DemandGate(sink);
			KeyValueWatch watch = this.operations.watch(pattern, type, start, (change) -> {
				if (gate.awaitDemand()) {
					sink.next(change);
				}
			});
			sink.onRequest((n) -> gate.signal());
			sink.onDispose(() -> {
				gate.close();
				this.blockingScheduler.schedule(watch::close);
			});
		}, FluxSink.OverflowStrategy.ERROR).subscribeOn(this.blockingScheduler, false);
	}

}
