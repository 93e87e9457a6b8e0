package io.github.natsboot.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link CompletableFuture} whose cancellation travels back to the future it follows,
 * and whose dependent stages ({@code handle}, {@code whenComplete}, ...) do the same: so
 * that cancelling the last stage of an asynchronous request cancels the jnats request
 * itself, which then stops waiting for its reply.
 *
 * @param <T> the result type
 */
final class CancellingFuture<T> extends CompletableFuture<T> {

	private final Future<?> upstream;

	private CancellingFuture(Future<?> upstream) {
		this.upstream = upstream;
	}

	/**
	 * Return a future completed as the source is, which cancels the source when it is
	 * cancelled.
	 * @param <T> the result type
	 * @param source the source
	 * @return the following future
	 */
	static <T> CompletableFuture<T> following(CompletableFuture<T> source) {
		CancellingFuture<T> following = new CancellingFuture<>(source);
		source.whenComplete((value, failure) -> {
			if (failure != null) {
				following.completeExceptionally(failure);
			}
			else {
				following.complete(value);
			}
		});
		return following;
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CancellingFuture<>(this);
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		this.upstream.cancel(mayInterruptIfRunning);
		return cancelled;
	}

}
