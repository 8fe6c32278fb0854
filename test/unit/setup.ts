/**
 * Loaded by mocha before the unit tests (.mocharc.json `require`): parse budgets are counted on
 * the thread's own CPU time, as the Node entry points count them (src/platform/nodeClock.ts).
 * The clock is kept on the global object, so every test bundle counts on it.
 */
import { useNodeParseClock } from '../../src/platform/nodeClock';

useNodeParseClock();
