/**
 * The base of the errors the engine throws and catches as control flow (an abstention, a
 * rejection, a macro rule that does not match, a panic in a constant). They are thrown often,
 * from deep recursion, and caught close by; V8 walks the whole stack to record a trace for every
 * `Error` it builds, which cost about 3% of the fuzz's time and most of what these errors cost.
 * These record none: their message says what went wrong, and the place is never needed.
 */
export class QuietError extends Error {
  constructor(message?: string) {
    // `Error.stackTraceLimit` is V8's (Node, Chromium's web workers); elsewhere this is a no-op.
    const v8 = Error as { stackTraceLimit?: number };
    const limit = v8.stackTraceLimit;
    v8.stackTraceLimit = 0;
    super(message);
    v8.stackTraceLimit = limit;
  }
}
