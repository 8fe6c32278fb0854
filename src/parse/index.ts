/**
 * Public API of the parse layer: web-tree-sitter setup, tree → model extraction, the
 * per-document tree cache and the crate module loader. Node and WASM only, no `vscode`.
 */
export { loadRustParser, GrammarLoadError, ParseFailedError, RUNTIME_WASM, RUST_GRAMMAR_WASM, abandonedParse, parseBudgetMs, type ParseOptions, type RustParser } from './parser';
export { extractFile, parseIntLiteral, parseCharLiteral, outerDocText, MAX_NESTING, type ExtractOptions } from './extract';
export {
  DocumentTrees,
  advance,
  pointAt,
  type TextDocumentLike,
  type ContentChange,
  type ParsedDocument,
  type Position,
  type DocumentTreesOptions,
} from './documents';
export { parseCfgAttr, mergeRepr } from '../core/attrs';
