package dev.magnetar.driver.kit.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an HTTP answer's body keeping at most a bounded number of bytes. A cluster's nodes belong
 * to its tenant, so whatever answers at their addresses is untrusted: an endless body must cost a
 * monitor a cancelled stream, not its heap.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {

    /**
     * An answer's status and body, or the fact that the body went past the limit.
     *
     * @param bytes the whole body; empty when {@code tooLarge}
     */
    public record Body(int status, byte[] bytes, boolean tooLarge) {
    }

    private final int status;
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int status, int limit) {
        this.status = status;
        this.limit = limit;
    }

    /** Bodies of at most {@code limit} bytes; a longer one is cancelled and answered as too large. */
    public static HttpResponse.BodyHandler<Body> handler(int limit) {
        return info -> new BoundedBody(info.statusCode(), limit);
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (result.isDone()) {
                return;
            }
            if (bytes.size() + buffer.remaining() > limit) {
                subscription.cancel();
                result.complete(new Body(status, new byte[0], true));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(status, bytes.toByteArray(), false));
    }
}
