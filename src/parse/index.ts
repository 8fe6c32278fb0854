/**
 * Public API of the parse layer: web-tree-sitter setup and tree → model extraction. Node and
 * WASM only, no `vscode`. The per-document tree cache is src/incremental's.
 */
export { loadRustParser, GrammarLoadError, ParseFailedError, RUNTIME_WASM, RUST_GRAMMAR_WASM, abandonedParse, parseBudgetMs, type ParseOptions, type RustParser } from './parser';
export { extractFile, parseIntLiteral, parseCharLiteral, outerDocText, MAX_NESTING, type ExtractOptions } from './extract';
export { parseCfgAttr, mergeRepr } from '../core/attrs';
