import { InterceptingCall, Metadata, status, type InterceptingListener, type Interceptor } from '@grpc/grpc-js';
import { makeGrpcRetryInterceptor, defaultGrpcRetryOptions } from '@temporalio/client';

/**
 * The client's retry interceptor waits on a timer before each new attempt. If the connection is
 * closed meanwhile (a part stopping while one of its calls backs off), grpc-js throws "Channel has
 * been shut down" from inside that timer: an uncaught exception that brings the process down. This
 * guard sits under the retry interceptor and turns that throw into a CANCELLED status, so the
 * waiting caller gets an ordinary rejected promise instead.
 */
const closedChannelGuard: Interceptor = (options, nextCall) => {
  try {
    return new InterceptingCall(nextCall(options));
  } catch (error) {
    return new InterceptingCall(new ClosedCall((error as Error).message));
  }
};

/** The Temporal client's default interceptors with the guard beneath them. */
export function clientInterceptors(): Interceptor[] {
  return [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), closedChannelGuard];
}

// grpc-js does not export the interface of the call under an InterceptingCall; take it from there.
type NextCallInterface = ConstructorParameters<typeof InterceptingCall>[0];

/** A call that ends at once with CANCELLED: no message is sent anywhere. */
class ClosedCall implements NextCallInterface {
  constructor(private readonly reason: string) {}

  start(_metadata: Metadata, listener?: Partial<InterceptingListener>): void {
    setImmediate(() =>
      listener?.onReceiveStatus?.({
        code: status.CANCELLED,
        details: `Temporal connection closed: ${this.reason}`,
        metadata: new Metadata(),
      }),
    );
  }

  cancelWithStatus(): void {}
  getPeer(): string {
    return '';
  }
  sendMessageWithContext(): void {}
  sendMessage(): void {}
  startRead(): void {}
  halfClose(): void {}
  getAuthContext(): null {
    return null;
  }
}
