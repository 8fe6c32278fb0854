/**
 * Calls `fire` at most once per `ms`: at once when it has not fired for `ms`, else once at the end
 * of the current period (however many calls came meanwhile).
 *
 * Why the editor surfaces need it: VS Code asks a CodeLens or inlay-hint provider again a
 * debounce delay (250 ms or more) after its last change event, and every new event restarts
 * that delay. While a crate's files come in, the analysis changes every few tens of
 * milliseconds; passed on one by one, those events kept the workbench from asking at all until
 * the whole crate was read, so the first lenses came seconds late. Once a crate is read (the
 * last change of the burst), `flush` passes the event on at once.
 */
export interface Throttled {
  (): void;
  /** Fires now, whatever the period (a call waiting for the period's end is dropped): for a last change after a burst. */
  flush(): void;
  dispose(): void;
}

export function throttle(fire: () => void, ms: number, now: () => number = () => performance.now()): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const run = (): void => {
    timer = undefined;
    if (disposed) return;
    last = now();
    fire();
  };
  const call = (() => {
    if (disposed || timer !== undefined) return;
    const wait = last + ms - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  }) as Throttled;
  call.flush = () => {
    if (disposed) return;
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  call.dispose = () => {
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
