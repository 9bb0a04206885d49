package dev.platform.temporal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;

/**
 * Removes the sticky-queue request from completed workflow tasks, so the server always sends the
 * next task to the shared task queue.
 *
 * <p>Only for Temporal's embedded test server: it never moves a task off the sticky queue of a
 * worker that died (a real server does after a few seconds), so one killed worker would stall its
 * runs for good. The Java SDK has no switch for sticky execution, hence this interceptor.
 */
final class NoStickyExecution implements ClientInterceptor {
  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(Q message) {
        if (message instanceof RespondWorkflowTaskCompletedRequest completed
            && completed.hasStickyAttributes()) {
          super.sendMessage((Q) completed.toBuilder().clearStickyAttributes().build());
        } else {
          super.sendMessage(message);
        }
      }
    };
  }
}
