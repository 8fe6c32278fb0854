/**
 * The parse budget's clock on Node (see `parseClock` in src/parse/parser.ts): the calling
 * thread's own CPU time. `process.threadCpuUsage()` where Node has it (23.9 and later); on
 * Linux, the thread's run time from `/proc/thread-self/schedstat`; elsewhere (Node 20 on macOS
 * or Windows) the process's CPU time, every thread's. Installed by the Node entry points and the
 * parse worker (`useNodeParseClock`).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { type CpuClock, useParseClock } from '../parse/parser';

/** Counts this thread's parse budgets on its own CPU time (once per thread that parses). */
export function useNodeParseClock(): CpuClock {
  const c = nodeClock();
  useParseClock(c);
  return c;
}

function nodeClock(): CpuClock {
  const threadCpuUsage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
  if (typeof threadCpuUsage === 'function') {
    return {
      kind: 'thread',
      now: () => {
        const u = threadCpuUsage.call(process);
        return (u.user + u.system) / 1000;
      },
    };
  }
  const own = linuxThreadClock();
  if (own) return { kind: 'thread', now: own };
  return {
    kind: 'process',
    now: () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    },
  };
}

/**
 * The calling thread's run time (ms) from /proc/thread-self/schedstat (Linux), or undefined. The
 * file stays open (one descriptor per thread that loads this module) and is read in place: about
 * 5 µs, against 20-150 µs for opening it each time. Reading the process's CPU time first makes
 * the kernel bring the running thread's figure up to date; otherwise it moves at scheduler ticks
 * (4 ms here), and a parse starting just before one had its budget shortened by that much.
 */
function linuxThreadClock(): (() => number) | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buf = Buffer.alloc(64);
    const now = (): number => {
      process.cpuUsage();
      const n = readSync(fd, buf, 0, buf.length, 0);
      let ns = 0;
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        if (c < 48 || c > 57) break;
        ns = ns * 10 + (c - 48);
      }
      return ns / 1e6;
    };
    if (now() > 0) return now;
    closeSync(fd);
    return undefined;
  } catch {
    return undefined; // no /proc here
  }
}
