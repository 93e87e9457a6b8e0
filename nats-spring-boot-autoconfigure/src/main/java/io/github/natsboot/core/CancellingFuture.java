package io.github.natsboot.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link CompletableFuture} whose cancellation travels back to the future it follows,
 * and whose dependent stages ({@code handle}, {@code whenComplete}, ...) do the same: so
 * that cancelling the last stage of an asynchronous request cancels the jnats request
 * itself, which then stops waiting for its reply.
 * <p>
 * A dependent stage cancels the stage it depends on first, so that the actions in
 * between (recording metrics, stopping an observation) see the cancellation; the stage
 * that follows the jnats future completes itself as cancelled before it cancels that
 * future, so that the actions tell the caller's cancellation from jnats cancelling a
 * request nobody answers.
 *
 * @param <T> the result type
 */
final class CancellingFuture<T> extends CompletableFuture<T> {

	private final Future<?> upstream;

	private final boolean followsSource;

	private CancellingFuture(Future<?> upstream, boolean followsSource) {
		this.upstream = upstream;
		this.followsSource = followsSource;
	}

	/**
	 * Return a future completed as the source is, which cancels the source when it is
	 * cancelled.
	 * @param <T> the result type
	 * @param source the source
	 * @return the following future
	 */
	static <T> CompletableFuture<T> following(CompletableFuture<T> source) {
		CancellingFuture<T> following = new CancellingFuture<>(source, true);
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
		return new CancellingFuture<>(this, false);
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		if (this.followsSource) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			this.upstream.cancel(mayInterruptIfRunning);
			return cancelled;
		}
		this.upstream.cancel(mayInterruptIfRunning);
		return super.cancel(mayInterruptIfRunning) || isCompletedExceptionally();
	}

}
