/**
 * The extension's analysis stack as one bundle of its own (out/test/integration/coldStack.js),
 * which coldOpens.test.ts loads afresh for every open: a new module instance has its own
 * web-tree-sitter runtime (a new WebAssembly instance and memory) and parser, so each open starts
 * as cold as in a new window. Not a test file itself.
 */
export { Analyzer } from '../../src/analysis/analyzer';
export { LayoutCodeLensProvider } from '../../src/features/codeLens';
export { DocumentReports } from '../../src/features/reports';
export { Log } from '../../src/features/log';
export { setHost } from '../../src/features/host';
export { nodeHost } from '../../src/features/nodeHost';
