package socketlabs.lab03;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs code under test in a daemon thread of its own, so a test can wait for it a bounded time and
 * say what happened: returned, threw, or still running (a hang is reported, never waited out).
 */
final class Async<T> {
    private final String what;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final long started = System.nanoTime();
    private volatile long ended;

    private Async(String what) {
        this.what = what;
    }

    /** Starts {@code code} now; {@code what} names it in messages ("StopAndWaitSender.send"). */
    static <T> Async<T> start(String what, Callable<T> code) {
        Async<T> async = new Async<>(what);
        Thread thread = new Thread(() -> {
            try {
                T value = code.call();
                async.ended = System.nanoTime();
                async.future.complete(value);
            } catch (Throwable e) {
                async.ended = System.nanoTime();
                async.future.completeExceptionally(e);
            }
        }, what);
        thread.setDaemon(true);
        thread.start();
        return async;
    }

    /** Waits up to {@code limit}; true if it ended (returned or threw). */
    boolean await(Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // told by the methods below
        }
        return future.isDone();
    }

    /** True once it ended (returned or threw). */
    boolean ended() {
        return future.isDone();
    }

    /** When it ended (System.nanoTime), or Long.MAX_VALUE while it runs: which side of a transfer stopped first. */
    long endedAt() {
        return future.isDone() ? ended : Long.MAX_VALUE;
    }

    /** Milliseconds from its start to its end, for messages. */
    long endedAfterMillis() {
        return (ended - started) / 1_000_000;
    }

    /** True if it returned normally. */
    boolean returned() {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    /** What it returned; only after {@link #returned()}. */
    T value() {
        return future.join();
    }

    /** What it threw, or null. */
    Throwable thrown() {
        if (!future.isCompletedExceptionally()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** "returned", "threw X: message" or "was still running after N ms", for failure messages. */
    String describe() {
        if (!future.isDone()) {
            return what + " was still running after " + (System.nanoTime() - started) / 1_000_000 + " ms";
        }
        Throwable e = thrown();
        return e == null ? what + " returned" : what + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
