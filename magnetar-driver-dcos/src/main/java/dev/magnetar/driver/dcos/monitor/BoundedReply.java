package dev.magnetar.driver.dcos.monitor;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer into a {@link Reply}, keeping at most a bounded number of bytes. A cluster's nodes
 * belong to its tenant, so whatever answers at its address is untrusted: an endless body must cost
 * the monitor a cancelled stream, not its heap.
 */
final class BoundedReply implements HttpResponse.BodySubscriber<Reply> {

    private final String path;
    private final int status;
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Reply> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedReply(String path, int status, int limit) {
        this.path = path;
        this.status = status;
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<Reply> handler(String path, int limit) {
        return info -> new BoundedReply(path, info.statusCode(), limit);
    }

    @Override
    public CompletionStage<Reply> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > limit) {
                subscription.cancel();
                result.complete(new Reply.Unreadable(path, status, "answer larger than " + limit + " bytes"));
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
        result.complete(new Reply.Answered(path, status, bytes.toByteArray()));
    }
}
