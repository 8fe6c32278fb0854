/**
 * tree-sitter-rust tree → source model (`src/core/model.ts`).
 *
 * Only item-level structure is walked: function bodies, impl bodies and trait bodies are
 * never entered (they are most of a real file), except to recover items from a body whose
 * closing brace is missing (half-typed code would otherwise swallow every item after it).
 *
 * Cost notes (this runs on every keystroke): every `Node` getter is a call into WASM, so
 * children are fetched once per node with `children` (one call), and text comes from
 * slicing the document string (never `node.text`, never on big nodes). Attributes are
 * parsed from their text. Offsets are UTF-16 code units, as web-tree-sitter reports them.
 */
import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type {
  CfgPredicate,
  Attribute,
  ConstDef,
  ConstArm,
  ConstExpr,
  ConstLet,
  ConstPat,
  ConstFnDef,
  EnumDef,
  FieldDef,
  GenericArg,
  GenericParam,
  Generics,
  Item,
  ItemCommon,
  ModDef,
  UseDef,
  PathSegment,
  Repr,
  Shape,
  SourceFile,
  Span,
  StructDef,
  SyntaxProblem,
  TypeAliasDef,
  TypeExpr,
  UnionDef,
  UseEntry,
  VariantDef,
  WherePredicate,
  TraitDynFacts,
  FnBound,
  FnSugar,
} from '../core/model';
import { ENCLOSING, FN_BODY_MODULE, IMPLS_NOT_KEPT, ownString } from '../core/model';
import { isLintAttr } from '../core/lints';
import { BAIL, FastParser } from './fast';
import { abandonedParse } from './parser';
import {
  addAttrText,
  EMPTY,
  singleSegment,
  addCommentText,
  boundArgs,
  boundName,
  dynArgs,
  EMPTY_REPR,
  identName as ident,
  makeAttribute,
  newPending,
  NO_GENERICS,
  parseCharLiteral,
  parseIntLiteral,
  stringLiteralLen,
  shortText,
  traitLastSegment,
  traitPathHasRegions,
  useEntry,
  visNormalize,
  EDITION_2018_KEYWORDS,
  NOT_FIELD_NAMES,
  type Pending,
  firstUndeclared,
  freeLifetimes,
  lifetimeName,
  pathArgTypes,
} from './syntax';

export { parseIntLiteral, parseCharLiteral, outerDocText } from './syntax';

export interface ExtractOptions {
  /** false: build every item from the syntax tree only (the reference path; for tests). */
  readonly fast?: boolean;
  /** Counts items built by the fast (text) path and by the tree path. */
  readonly stats?: { fast: number; tree: number };
  /** Called with the item's text whenever the fast path hands an error-free item to the tree path. */
  readonly onBail?: (itemText: string) => void;
}

/** Nesting deeper than this (types, expressions, modules) becomes `unknown` instead of recursing. */
export const MAX_NESTING = 1000;

interface Ctx {
  readonly text: string;
  readonly problems: SyntaxProblem[];
  readonly fast: boolean;
  readonly types: readonly string[];
  /** false when the whole tree is error-free: then no per-node `hasError` call is needed. */
  readonly treeHasError: boolean;
  readonly lineOf: (offset: number) => number;
  readonly stats: { fast: number; tree: number } | undefined;
  readonly onBail: ((itemText: string) => void) | undefined;
  /** The grammar's field ids of an impl's `trait` and `body`. */
  readonly traitField: number;
  readonly bodyField: number;
  /** Offsets of the word `impl` in the text, found once when first asked (`implWordIn`). */
  implWords?: number[];
  /** A keyword read as a field's name in the item being read (`pub self: u8`): rustc does not parse it. */
  keywordField?: string;
  /** A word that is a keyword from the 2018 edition on read as a field's name (`async: u8`). */
  editionKeyword?: string;
}

/** Whether the word `impl` occurs in `ctx.text[start, end)`: an impl may be written in a body there. */
function implWordIn(ctx: Ctx, start: number, end: number): boolean {
  let words = ctx.implWords;
  if (!words) {
    words = [];
    for (let i = ctx.text.indexOf('impl'); i >= 0; i = ctx.text.indexOf('impl', i + 4)) {
      if (!isWordChar(ctx.text.charCodeAt(i - 1)) && !isWordChar(ctx.text.charCodeAt(i + 4))) words.push(i);
    }
    ctx.implWords = words;
  }
  // The first word at or after `start`.
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && words[lo]! < end;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** 0-based line of an offset; cheap for nearby offsets (items come in document order). */
function lineCounter(text: string): (offset: number) => number {
  let off = 0; // invariant: `line` = number of '\n' in text[0, off)
  let line = 0;
  return (o: number): number => {
    if (o >= off) {
      let i = text.indexOf('\n', off);
      while (i >= 0 && i < o) {
        line++;
        i = text.indexOf('\n', i + 1);
      }
    } else {
      let i = text.lastIndexOf('\n', off - 1);
      while (i >= o) {
        line--;
        i = i > 0 ? text.lastIndexOf('\n', i - 1) : -1;
      }
    }
    off = o;
    return line;
  };
}

function span(n: Node): Span {
  return { start: n.startIndex, end: n.endIndex };
}

function slice(ctx: Ctx, n: Node): string {
  return ctx.text.slice(n.startIndex, n.endIndex);
}

/** Node text for diagnostics/unknowns: bounded, so a huge node costs nothing. */
function short(ctx: Ctx, n: Node): string {
  return shortText(ctx.text, n.startIndex, n.endIndex);
}

function problem(ctx: Ctx, message: string, sp: Span): void {
  ctx.problems.push({ message, span: sp });
}

/** Extracts every layout-relevant item of a parsed file. Never throws on malformed input. */
export function extractFile(tree: Tree, text: string, path: string, options: ExtractOptions = {}): SourceFile {
  const abandoned = abandonedParse(tree);
  if (abandoned !== undefined) return { path, items: [], problems: [{ message: abandoned, span: { start: 0, end: 0 }, code: 'parseAbandoned' }], innerAttrs: [] };
  const root = tree.rootNode;
  const ctx: Ctx = {
    text,
    problems: [],
    fast: options.fast !== false,
    types: tree.language.types,
    treeHasError: root.hasError,
    lineOf: lineCounter(text),
    stats: options.stats,
    onBail: options.onBail,
    traitField: tree.language.fieldIdForName('trait') ?? -1,
    bodyField: tree.language.fieldIdForName('body') ?? -1,
  };
  const items: Item[] = [];
  const innerAttrs: Attribute[] = [];
  // tree-sitter makes the root itself an ERROR node when it cannot recover
  if (root.type === 'ERROR') problem(ctx, 'syntax error', errorSpan(root, ctx));
  const cursor = tree.walk();
  try {
    walkContainer(cursor, ctx, 0, 'items', items, innerAttrs, false);
  } finally {
    cursor.delete();
  }
  return { path, items, problems: ctx.problems, innerAttrs };
}

// ───────────────────────────── attributes and docs ─────────────────────────────

function addAttr(p: Pending, ctx: Ctx, n: Node): void {
  addAttrText(p, slice(ctx, n), n.startIndex, n.endIndex);
}

function addComment(p: Pending, ctx: Ctx, n: Node): void {
  const start = n.startIndex;
  const c2 = ctx.text.charCodeAt(start + 2);
  if (c2 !== 47 /* / */ && c2 !== 42 /* * */) return; // plain `//` or `/*`
  addCommentText(p, slice(ctx, n), start);
}

function visText(ctx: Ctx, n: Node): string {
  return visNormalize(slice(ctx, n));
}

// ───────────────────────────── items ─────────────────────────────

type Mode = 'items' | 'recover';

/** Walks the children of the container node under `cur` (root, mod body, ERROR, recovered body). */
function walkContainer(
  cur: TreeCursor,
  ctx: Ctx,
  depth: number,
  mode: Mode,
  out: Item[],
  inner: Attribute[] | undefined,
  inError: boolean,
): void {
  if (depth > MAX_NESTING) {
    problem(ctx, 'modules nested too deeply to analyse', { start: cur.startIndex, end: cur.endIndex });
    return;
  }
  if (!cur.gotoFirstChild()) return;
  // Attributes and doc comments before an item are only recorded as ranges here and turned
  // into model objects when an item we extract uses them (most precede functions and impls).
  const raw: number[] = [];
  do {
    if (!visitChild(cur, ctx, depth, mode, out, inner, inError, raw)) raw.length = 0;
  } while (cur.gotoNextSibling());
  cur.gotoParent();
}

/**
 * Extracts the container child under `cur` into `out`. Returns true when the child is an
 * attribute or doc comment recorded in `raw` for the next item (false: `raw` is spent).
 */
function visitChild(
  cur: TreeCursor,
  ctx: Ctx,
  depth: number,
  mode: Mode,
  out: Item[],
  inner: Attribute[] | undefined,
  inError: boolean,
  raw: number[],
): boolean {
  const text = ctx.text;
  const types = ctx.types;
  let p: Pending;
  const t = types[cur.nodeTypeId] ?? 'ERROR';
  switch (t) {
    case 'attribute_item':
      // 2: an attribute with a syntax error in it (`#[repr(C]`): the item it is on is half-typed.
      raw.push(ctx.treeHasError && cur.currentNode.hasError ? 2 : 0, cur.startIndex, cur.endIndex);
      return true;
    case 'line_comment':
    case 'block_comment': {
      const start = cur.startIndex;
      const c2 = text.charCodeAt(start + 2);
      if (c2 === 47 || c2 === 42) raw.push(1, start, cur.endIndex);
      return true;
    }
    case 'inner_attribute_item':
      if (inner) {
        const start = cur.startIndex;
        const end = cur.endIndex;
        inner.push(makeAttribute(text.slice(start, end), start, end));
      }
      return true;
    case 'struct_item':
    case 'union_item':
    case 'enum_item':
    case 'type_item':
    case 'const_item':
    case 'static_item':
    case 'use_declaration':
    case 'extern_crate_declaration': {
      p = materialize(text, raw);
      let node: Node | undefined;
      let item: Item | undefined;
      const start = cur.startIndex;
      const end = cur.endIndex;
      // big const/static initializers (tables) are cheaper for the tree path, which never
      // walks into an initializer it cannot evaluate, than for the lexer
      const big = end - start > 2000 && (t === 'const_item' || t === 'static_item');
      if (ctx.fast && !big && !(ctx.treeHasError && (node = cur.currentNode).hasError)) {
        item = fastItem(t, p, start, end, ctx);
      }
      if (!item) {
        node ??= cur.currentNode;
        item = simpleItem(t, node, p, ctx);
        if (ctx.stats) ctx.stats.tree++;
        if (ctx.treeHasError && node.hasError) scanProblems(node, ctx, 0);
      }
      if (item && p.broken !== undefined && (item.kind === 'struct' || item.kind === 'union' || item.kind === 'enum' || item.kind === 'alias') && !item.syntaxError) {
        item = { ...item, syntaxError: `in the attribute \`${shortText(p.broken, 0, p.broken.length).replace(/\s+/g, ' ')}\`` };
      }
      if (item) out.push(item);
      // `const _: () = { items };` (a common macro idiom): its items live in a block scope. So
      // do those of any constant's or static's block, which matter when one is an impl.
      if ((item?.kind === 'const' || item?.kind === 'static') && (item.name === '_' || implWordIn(ctx, start, end))) {
        constBlockItems(node ?? cur.currentNode, item, ctx, depth, out);
      }
      break;
    }
    case 'mod_item':
      modItem(cur, materialize(text, raw), ctx, depth, out);
      break;
    case 'trait_item': {
      p = materialize(text, raw);
      // The node object only when the fast path cannot read the trait, or the tree has errors.
      const node = (): Node => (traitNode ??= cur.currentNode);
      let traitNode: Node | undefined;
      let tr: Item | undefined;
      if (ctx.fast && !(ctx.treeHasError && node().hasError)) tr = fastItem(t, p, cur.startIndex, cur.endIndex, ctx);
      if (!tr) {
        const kids = node().children;
        const nameNode = kids.find((k) => k.type === 'type_identifier');
        if (nameNode && nameNode.endIndex > nameNode.startIndex) {
          const a = unsizedAssocOf(node(), ctx);
          const dyn = traitDynFacts(node(), ctx);
          tr = { kind: 'trait', ...common(node(), kids, nameNode, p, ctx), ...(a.unsized.length ? { unsizedAssoc: a.unsized } : {}), ...(a.unsure.length ? { unsureAssoc: a.unsure } : {}), ...supertraitsOf(node(), ctx), ...(dyn ? { dyn } : {}) };
        }
      }
      if (tr) out.push(tr);
      // An impl written inside a provided method's body.
      if (implWordIn(ctx, cur.startIndex, cur.endIndex)) methodBodyItems(node(), p.cfg, ctx, depth, out);
      if (ctx.treeHasError && node().hasError) recoverUnclosedBody(node().children, ctx, depth, out);
      break;
    }
    case 'impl_item': {
      // An impl written inside one of its methods' bodies (the word after this impl's own).
      const hidden = implWordIn(ctx, cur.startIndex + 4, cur.endIndex);
      if (hidden) methodBodyItems(cur.currentNode, materialize(text, raw).cfg, ctx, depth, out);
      // Most impls hold only functions, which the model does not keep: tell them from the
      // cursor alone, without making a node object for every member.
      if (!ctx.treeHasError && !implMayMatter(cur, ctx)) break;
      const node = cur.currentNode;
      const impl = implItem(node, materialize(text, raw), ctx);
      if (impl) out.push(impl);
      if (ctx.treeHasError && node.hasError) recoverUnclosedBody(node.children, ctx, depth, out);
      break;
    }
    case 'function_item': {
      // Only the functions that hide std's in constants and `const fn`s (model.ts FnDef); a cheap
      // text test first.
      const head = text.slice(cur.startIndex, Math.min(cur.endIndex, cur.startIndex + 600));
      const isConst = CONST_FN.test(head);
      if (isConst || SHADOWING_FN.test(head)) {
        const node = cur.currentNode;
        const nameNode = node.childForFieldName('name');
        const constFn = isConst && !node.hasError ? constFnOf(node, ctx, depth) : undefined;
        if (nameNode && (constFn || /^(?:size_of|align_of)$/.test(slice(ctx, nameNode)))) {
          out.push({ kind: 'fn', ...common(node, node.children, nameNode, materialize(text, raw), ctx), ...(constFn ? { constFn } : {}) });
        }
      }
      if (implWordIn(ctx, cur.startIndex, cur.endIndex)) fnBodyItems(cur.currentNode, materialize(text, raw).cfg, ctx, depth, out);
      recoverIfBroken(cur, ctx, depth, out);
      break;
    }
    case 'foreign_mod_item':
      recoverIfBroken(cur, ctx, depth, out);
      break;
    case 'macro_definition': {
      const d = macroRulesItem(cur.currentNode, materialize(text, raw), ctx);
      if (d) out.push(d);
      break;
    }
    case 'macro_invocation':
      if (mode === 'items') out.push(macroItem(ctx, cur.startIndex, cur.endIndex, materialize(text, raw)));
      break;
    case 'expression_statement':
      if (mode === 'items' && cur.gotoFirstChild()) {
        if (types[cur.nodeTypeId] === 'macro_invocation') out.push(macroItem(ctx, cur.startIndex, cur.endIndex, materialize(text, raw)));
        cur.gotoParent();
      }
      break;
    case 'ERROR':
      if (!inError) problem(ctx, 'syntax error', errorSpan(cur.currentNode, ctx));
      walkContainer(cur, ctx, depth + 1, mode, out, undefined, true);
      break;
    default:
      if (ctx.treeHasError && !inError && cur.nodeIsMissing) {
        problem(ctx, `missing \`${t}\``, { start: cur.startIndex, end: cur.endIndex });
      }
      // tokens (`{`, `}`, `;`) and items that carry no layout information
      break;
  }
  return false;
}

/** Turns the recorded attribute/doc comment ranges into a Pending. */
function materialize(text: string, raw: readonly number[]): Pending {
  const p = newPending();
  for (let i = 0; i < raw.length; i += 3) {
    const start = raw[i + 1]!;
    const end = raw[i + 2]!;
    if (raw[i] === 1) addCommentText(p, text.slice(start, end), start);
    else {
      addAttrText(p, text.slice(start, end), start, end);
      if (raw[i] === 2) p.broken ??= text.slice(start, end);
    }
  }
  return p;
}

/** Builds an error-free item from its text (fast path); undefined when it bails. */
/** Items written in the broken body of an item the walk does not enter (a function's, an `extern` block's). */
function recoverIfBroken(cur: TreeCursor, ctx: Ctx, depth: number, out: Item[]): void {
  if (!ctx.treeHasError) return;
  const node = cur.currentNode;
  if (node.hasError) recoverUnclosedBody(node.children, ctx, depth, out);
}

/** A function item named like the std functions constants call (see FnDef). */
const SHADOWING_FN = /\bfn\s+(?:size_of|align_of)\b/;
/** A function item's text that begins as a `const fn` does (`pub(crate) const unsafe extern "C" fn`). */
const CONST_FN = /^(?:pub\s*(?:\([^)]*\))?\s*)?const\s+(?:unsafe\s+)?(?:extern\s*(?:"[^"]*"\s*)?)?fn\b/;

/**
 * A `const fn`'s parameters, return type and body, for the constant evaluator; undefined for one
 * with const parameters, or type parameters with bounds or defaults (or a `where` clause).
 */
function constFnOf(node: Node, ctx: Ctx, depth: number): ConstFnDef | undefined {
  const tparams = node.childForFieldName('type_parameters');
  const typeParams: string[] = [];
  for (const k of tparams?.namedChildren ?? []) {
    if (!k || k.type === 'lifetime_parameter' || k.type === 'line_comment' || k.type === 'block_comment') continue;
    const name = k.type === 'type_parameter' ? k.childForFieldName('name') : null;
    if (!name || k.namedChildren.length !== 1) return undefined;
    typeParams.push(ident(slice(ctx, name)));
  }
  if (typeParams.length && node.namedChildren.some((k) => k?.type === 'where_clause')) return undefined;
  const body = node.childForFieldName('body');
  const plist = node.childForFieldName('parameters');
  if (!body || !plist) return undefined;
  let params: { name: string; ty: TypeExpr }[] | undefined = [];
  for (const k of plist.namedChildren) {
    if (!k || k.type === 'line_comment' || k.type === 'block_comment' || k.type === 'attribute_item') continue;
    const pat = k.type === 'parameter' ? k.childForFieldName('pattern') : null;
    const ty = k.type === 'parameter' ? k.childForFieldName('type') : null;
    if (!pat || !ty || pat.type !== 'identifier') {
      params = undefined;
      break;
    }
    params.push({ name: ident(slice(ctx, pat)), ty: typeExpr(ty, ctx, depth + 1) });
  }
  const ret = node.childForFieldName('return_type');
  return {
    ...(typeParams.length ? { typeParams } : {}),
    ...(params ? { params } : {}),
    ...(ret ? { ret: typeExpr(ret, ctx, depth + 1) } : {}),
    body: constExpr(body, ctx, depth + 1),
  };
}

function fastItem(t: string, p: Pending, start: number, end: number, ctx: Ctx): Item | undefined {
  const fp = new FastParser(ctx.text, start, end);
  let item: Item | undefined;
  try {
    switch (t) {
      case 'struct_item':
        item = fp.structItem('struct', p, start, end, ctx.lineOf);
        break;
      case 'union_item':
        item = fp.structItem('union', p, start, end, ctx.lineOf);
        break;
      case 'enum_item':
        item = fp.enumItem(p, start, end, ctx.lineOf);
        break;
      case 'type_item':
        item = fp.typeAlias(p, start, end, ctx.lineOf);
        break;
      case 'const_item':
        item = fp.constItem('const', p, start, end, ctx.lineOf);
        break;
      case 'static_item':
        item = fp.constItem('static', p, start, end, ctx.lineOf);
        break;
      case 'use_declaration':
        item = fp.useItem(p, start, end);
        break;
      case 'extern_crate_declaration':
        item = fp.externCrate(p, start, end);
        break;
      case 'trait_item':
        item = fp.traitItem(p, start, end, ctx.lineOf);
        break;
    }
  } catch (e) {
    if (e !== BAIL) throw e;
    ctx.onBail?.(ctx.text.slice(start, end));
    return undefined;
  }
  if (item && ctx.stats) ctx.stats.fast++;
  return item;
}

/** An impl's lint attributes (`#[allow(overflowing_literals)]`), kept when it defines constants. */
function lintAttrsOf(p: Pending, consts: readonly unknown[]): { attrs?: readonly Attribute[] } {
  if (!consts.length) return {};
  const lints = p.attrs.filter(isLintAttr);
  return lints.length ? { attrs: lints } : {};
}

function modItem(cur: TreeCursor, p: Pending, ctx: Ctx, depth: number, out: Item[]): void {
  const start = cur.startIndex;
  const end = cur.endIndex;
  let node: Node | undefined;
  let head: ItemCommon | undefined;
  let inline = false;
  if (ctx.fast && !(ctx.treeHasError && (node = cur.currentNode).hasError)) {
    try {
      const h = new FastParser(ctx.text, start, end).modHeader(p, start, end, ctx.lineOf);
      head = h.common;
      inline = h.inline;
    } catch (e) {
      if (e !== BAIL) throw e;
    }
  }
  if (!head) {
    node ??= cur.currentNode;
    const kids = node.children;
    const nameNode = findName(kids, 'identifier');
    inline = kids.some((k) => k.type === 'declaration_list');
    if (nameNode) head = common(node, kids, nameNode, p, ctx);
    else if (node.hasError) problem(ctx, 'module without a name', span(node));
    if (!inline && ctx.treeHasError && node.hasError) scanProblems(node, ctx, 0);
  }
  let items: Item[] | undefined;
  const inner: Attribute[] = [];
  if (inline) {
    items = [];
    if (cur.gotoLastChild()) {
      if (ctx.types[cur.nodeTypeId] === 'declaration_list') walkContainer(cur, ctx, depth + 1, 'items', items, inner, false);
      cur.gotoParent();
    }
  }
  if (!head) return;
  const m: ModDef = {
    kind: 'mod',
    ...head,
    ...(items ? { items } : {}),
    ...(inner.length ? { innerAttrs: inner } : {}),
    ...(p.pathAttr !== undefined ? { pathAttr: p.pathAttr } : {}),
  };
  out.push(m);
}

/**
 * The items of an anonymous constant's block (`const _: () = { type A = u8; impl T for u16 {…} };`):
 * they see the enclosing module's names and may shadow them, and their impls hold everywhere, as
 * in an inline module with `use super::*;`. They become such a module, named so that no path can
 * reach it (each anonymous constant has its own scope). Nothing is added for a block without items.
 */
function constBlockItems(node: Node, item: ConstDef, ctx: Ctx, depth: number, out: Item[]): void {
  const block = node.childForFieldName('value');
  if (!block || block.type !== 'block' || !block.namedChildren.some((k) => k !== null && ITEM_IN_BLOCK.has(k.type))) return;
  const items: Item[] = [];
  const cur = block.walk();
  try {
    walkContainer(cur, ctx, depth + 1, 'items', items, undefined, false);
  } finally {
    cur.delete();
  }
  if (!items.length) return;
  const whole = item.span;
  const useSuper: UseDef = { kind: 'use', entries: [{ path: [ENCLOSING], glob: true, global: false }], span: whole, cfg: [] };
  // Named by position and content: the expansions of one macro share positions, not text.
  const body = ctx.text.slice(block.startIndex, block.endIndex);
  let h = 5381;
  for (let i = 0; i < body.length; i++) h = ((h * 33) ^ body.charCodeAt(i)) >>> 0;
  const m: ModDef = { kind: 'mod', name: `_#${whole.start}#${h.toString(36)}`, nameSpan: item.nameSpan, span: whole, line: item.line, attrs: [], cfg: item.cfg, items: [useSuper, ...items] };
  out.push(m);
}

/**
 * The items of a function's body when one is an impl: an impl holds wherever it is written
 * (`fn f() { impl Tr for K {} }` makes `K: Tr` for the whole crate). Like an anonymous
 * constant's block (`constBlockItems`), the body becomes a module no path reaches, which sees the
 * enclosing module's names, under the function's cfg (`cfg`). It holds the body's own items and
 * every impl written at any depth inside it (in an inner block, a closure, a nested function or
 * another impl's method), all read in that one scope.
 */
function fnBodyItems(fnNode: Node, cfg: readonly CfgPredicate[], ctx: Ctx, depth: number, out: Item[]): void {
  const body = fnNode.childForFieldName('body');
  if (!body || body.type !== 'block' || !implWordIn(ctx, body.startIndex, body.endIndex)) return;
  const implNodes = body.descendantsOfType('impl_item');
  if (implNodes.length === 0) return;
  const items: Item[] = [];
  const cur = body.walk();
  try {
    walkContainer(cur, ctx, depth + 1, 'items', items, undefined, false);
  } finally {
    cur.delete();
  }
  // The impls come from the search below, wherever they are written (nested functions' too).
  const own = items.filter((i) => i.kind !== 'impl' && !(i.kind === 'mod' && i.name.startsWith(FN_BODY_MODULE)));
  for (const n of implNodes) {
    if (!n) continue;
    const impl = implItem(n, attrsBefore(n, ctx), ctx);
    if (impl) own.push(impl);
  }
  if (!own.some((i) => i.kind === 'impl')) return;
  const whole = span(fnNode);
  const useSuper: UseDef = { kind: 'use', entries: [{ path: [ENCLOSING], glob: true, global: false }], span: whole, cfg: [] };
  // Named by content, not position: an edit above the function leaves the model's names as they were.
  const text = ctx.text.slice(body.startIndex, body.endIndex);
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  out.push({ kind: 'mod', name: `${FN_BODY_MODULE}${h.toString(36)}`, nameSpan: { start: body.startIndex, end: body.startIndex }, span: whole, line: fnNode.startPosition.row, attrs: [], cfg, items: [useSuper, ...own] });
}


/** The attributes and doc comments written just before `n`, as a walk records them. */
function attrsBefore(n: Node, ctx: Ctx): Pending {
  const raw: number[] = [];
  for (let k = n.previousSibling; k; k = k.previousSibling) {
    if (k.type === 'attribute_item') raw.unshift(0, k.startIndex, k.endIndex);
    else if (k.type !== 'line_comment' && k.type !== 'block_comment') break;
  }
  return materialize(ctx.text, raw);
}

/** The bodies of an impl's or a trait's methods (see `fnBodyItems`), each under the container's cfg and its own. */
function methodBodyItems(node: Node, cfg: readonly CfgPredicate[], ctx: Ctx, depth: number, out: Item[]): void {
  const list = node.childForFieldName('body');
  if (!list) return;
  const raw: number[] = [];
  for (const k of list.children) {
    if (k.type === 'attribute_item') {
      raw.push(0, k.startIndex, k.endIndex);
      continue;
    }
    if (k.type === 'line_comment' || k.type === 'block_comment') continue;
    if (k.type === 'function_item' && implWordIn(ctx, k.startIndex, k.endIndex)) {
      fnBodyItems(k, [...cfg, ...materialize(ctx.text, raw).cfg], ctx, depth, out);
    }
    raw.length = 0;
  }
}

const ITEM_IN_BLOCK = new Set(['impl_item', 'struct_item', 'enum_item', 'union_item', 'type_item', 'const_item', 'static_item', 'trait_item', 'macro_invocation', 'mod_item']);

/** A small span for an ERROR node: its first child that is not a recovered item. */
function errorSpan(n: Node, ctx: Ctx): Span {
  const end = n.endIndex;
  if (end - n.startIndex <= 80) return span(n);
  for (const k of n.children) {
    if (!ITEM_TYPES.has(k.type)) return span(k);
  }
  void ctx;
  return { start: n.startIndex, end: Math.min(end, n.startIndex + 1) };
}

const ITEM_TYPES: ReadonlySet<string> = new Set([
  'struct_item',
  'union_item',
  'enum_item',
  'type_item',
  'const_item',
  'static_item',
  'use_declaration',
  'extern_crate_declaration',
  'mod_item',
  'trait_item',
  'function_item',
  'impl_item',
  'attribute_item',
  'line_comment',
  'block_comment',
  'macro_invocation',
  'macro_definition',
]);

/** A body whose `}` is MISSING swallowed the items after it: extract them. */
function recoverUnclosedBody(kids: Node[], ctx: Ctx, depth: number, out: Item[]): void {
  const body = kids[kids.length - 1];
  if (!body || (body.type !== 'block' && body.type !== 'declaration_list')) return;
  const close = body.lastChild;
  if (!close || !close.isMissing) return;
  const open = body.firstChild;
  problem(ctx, 'unclosed `{`', open ? span(open) : span(body));
  const c = body.walk();
  try {
    walkContainer(c, ctx, depth + 1, 'recover', out, undefined, false);
  } finally {
    c.delete();
  }
}

/** The text between the outer delimiters that follow `from` in `text[from, end)`, and where it starts. */
function delimited(text: string, from: number, end: number): { inner: string; start: number } | undefined {
  let open = from;
  while (open < end && !'({['.includes(text[open]!)) open++;
  if (open >= end) return undefined;
  const closer = ({ '(': ')', '[': ']', '{': '}' } as const)[text[open] as '(' | '[' | '{'];
  let close = end - 1;
  while (close > open && text[close] !== closer) close--;
  if (close <= open) return undefined;
  return { inner: ownString(text.slice(open + 1, close)), start: open + 1 };
}

function macroItem(ctx: Ctx, start: number, end: number, p: Pending): Item {
  const head = ctx.text.slice(start, Math.min(end, start + 200));
  const bang = head.indexOf('!');
  const name = ownString((bang >= 0 ? head.slice(0, bang) : head).replace(/\s+/g, ''));
  const body = bang >= 0 ? delimited(ctx.text, start + bang + 1, end) : undefined;
  // Only a `{ .. }` call may end an item without a `;` (rustc: "macros that expand to items must be
  // delimited with braces or followed by a semicolon").
  const unterminated = body !== undefined && ctx.text[body.start - 1] !== '{' && !semicolonAt(ctx.text, end);
  return {
    kind: 'macroCall',
    name,
    span: { start: p.start >= 0 ? p.start : start, end },
    input: body?.inner ?? '',
    inputStart: body?.start ?? end,
    attrs: p.attrs,
    cfg: p.cfg,
    ...(unterminated ? { unterminated: true as const } : {}),
  };
}

/** Whether `;` is the first thing at or after `at` (or just before it), past spaces and comments. */
function semicolonAt(text: string, at: number): boolean {
  if (text[at - 1] === ';') return true;
  let i = at;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 2;
    } else return text[i] === ';';
  }
}

function macroRulesItem(node: Node, p: Pending, ctx: Ctx): Item | undefined {
  const kids = node.children;
  const nameNode = findName(kids, 'identifier');
  if (!nameNode) return undefined;
  const body = delimited(ctx.text, nameNode.endIndex, node.endIndex);
  if (!body) return undefined;
  return { kind: 'macroRules', ...common(node, kids, nameNode, p, ctx), body: body.inner, bodyStart: body.start };
}

/**
 * Whether the impl under `cur` can give an `ImplDef` (see `implItem`): it is a trait impl, or its
 * body has an associated constant. Read with the cursor only.
 */
function implMayMatter(cur: TreeCursor, ctx: Ctx): boolean {
  if (ctx.bodyField < 0 || ctx.traitField < 0) return true;
  if (!cur.gotoFirstChild()) return false;
  try {
    do {
      const field = cur.currentFieldId;
      // Trait impls are kept (a bound on a crate's trait is checked against them, src/core/bounds.ts),
      // but for the most implemented traits no bound asks about, unless they define associated items.
      if (field === ctx.traitField) {
        if (!IMPLS_NOT_KEPT.has(traitLastSegment(ctx.text.slice(cur.startIndex, cur.endIndex)) ?? '')) return true;
      } else if (field === ctx.bodyField) {
        if (!cur.gotoFirstChild()) return false;
        try {
          do {
            const t = ctx.types[cur.nodeTypeId];
            if (t === 'const_item' || t === 'type_item') return true;
          } while (cur.gotoNextSibling());
        } finally {
          cur.gotoParent();
        }
        return false;
      }
    } while (cur.gotoNextSibling());
    return false;
  } finally {
    cur.gotoParent();
  }
}

/** The std traits (besides `Copy` and `Clone`) whose impls are marked `stdTrait` (see ImplDef). */
const STD_TRAIT_NAME = /(?:^|::)(Default|Debug|PartialEq|Eq|PartialOrd|Ord|Hash|Send|Sync|From|Into)(?:<.*>)?$/;

/**
 * An inherent impl with associated constants, or a trait impl (see ImplDef) unless its trait is
 * one of IMPLS_NOT_KEPT and it defines no associated item; undefined for other impls and for
 * negative impls.
 */
function implItem(node: Node, p: Pending, ctx: Ctx): Item | undefined {
  const selfNode = node.childForFieldName('type');
  if (!selfNode) return undefined;
  const trait = node.childForFieldName('trait');
  if (trait) {
    const traitText = slice(ctx, trait).replace(/\s+/g, '');
    // The trait as written (its last segment, and its path when it has more): a crate's own trait
    // may be named like std's (`trait Clone {}`).
    const bare = traitText.replace(/<[^]*$/, '');
    const last = traitLastSegment(traitText);
    const named = { trait: last && ownString(last), ...(bare.includes('::') ? { traitPath: ownString(bare) } : {}) };
    if (node.children.some((k) => k.type === '!')) return undefined;
    const keepBare = !IMPLS_NOT_KEPT.has(last ?? '');
    const copy = /(?:^|::)Copy$/.test(traitText);
    if (copy || /(?:^|::)Clone$/.test(traitText)) {
      // `impl<T: Copy> Copy for G<T> {}`: `G<String>` is not Copy (src/core/bounds.ts, markerImpls).
      const tparams = node.childForFieldName('type_parameters') ?? undefined;
      const where = node.children.find((k) => k.type === 'where_clause');
      const generics = tparams || where ? genericsOf(tparams, where, ctx) : undefined;
      return {
        kind: 'impl', selfTy: typeExpr(selfNode, ctx, 0), consts: EMPTY, ...(copy ? { copy: true } : { clone: true }), ...named,
        ...(generics ? { generics } : {}), ...(where ? { hasWhere: true as const } : {}), ...(where && boundsOthers(where, generics!, ctx) ? { boundsOthers: true as const } : {}),
        span: itemSpan(node, p), cfg: p.cfg,
      };
    }
    const std = STD_TRAIT_NAME.exec(traitText)?.[1];
    if (std) {
      // `impl Default for X`, `unsafe impl<T: Send> Send for W<T>`, `impl From<u8> for X`: whether a
      // generic argument meets a parameter's bound (src/core/bounds.ts).
      const traitTy = trait.type === 'generic_type' ? typeExpr(trait, ctx, 0) : undefined;
      const traitArgs = traitTy?.kind === 'path' ? traitTy.segments[traitTy.segments.length - 1]!.args : undefined;
      const tparams = node.childForFieldName('type_parameters') ?? undefined;
      const where = node.children.find((k) => k.type === 'where_clause');
      return {
        kind: 'impl', selfTy: typeExpr(selfNode, ctx, 0), consts: EMPTY, stdTrait: std, ...named, ...(traitArgs?.length ? { traitArgs } : {}),
        ...(tparams ? { generics: genericsOf(tparams, where, ctx) } : {}), ...(where ? { hasWhere: true as const } : {}), span: itemSpan(node, p), cfg: p.cfg,
      };
    }
    const types: TypeAliasDef[] = [];
    const consts: ConstDef[] = [];
    // Each member with its attributes (`#[cfg(unix)] type Out = u16;`: the engine keeps the active one).
    let attrs = newPending();
    for (const k of node.childForFieldName('body')?.children ?? []) {
      if (k.type === 'attribute_item') {
        addAttr(attrs, ctx, k);
        continue;
      }
      if (k.type === 'line_comment' || k.type === 'block_comment') continue;
      if (k.type === 'type_item') {
        const t = typeAlias(k, k.children, attrs, ctx);
        if (t?.ty) types.push(t);
      } else if (k.type === 'const_item') {
        // `impl Tr for X { const N: usize = 8; }`: `X::N` and `<X as Tr>::N` in array lengths.
        const c = constItem('const', k, k.children, attrs, ctx);
        if (c) consts.push(c);
      }
      attrs = newPending();
    }
    if (!keepBare && types.length === 0 && consts.length === 0) return undefined;
    const where = node.children.find((k) => k.type === 'where_clause');
    const generics = genericsOf(node.childForFieldName('type_parameters') ?? undefined, where, ctx);
    const traitTy = trait.type === 'generic_type' ? typeExpr(trait, ctx, 0) : undefined;
    const traitArgs = traitTy?.kind === 'path' ? traitTy.segments[traitTy.segments.length - 1]!.args : undefined;
    const pathNode = trait.type === 'generic_type' ? trait.childForFieldName('type') : trait;
    const traitPath = pathNode ? slice(ctx, pathNode).replace(/\s+/g, '') : undefined;
    return {
      kind: 'impl', selfTy: typeExpr(selfNode, ctx, 0), consts: consts.length ? consts : EMPTY, trait: traitLastSegment(traitText), ...(traitPath?.includes('::') ? { traitPath } : {}), ...(traitArgs?.length ? { traitArgs } : {}),
      generics, ...(where ? { hasWhere: true as const } : {}), ...(types.length ? { types } : {}), ...lintAttrsOf(p, consts), span: itemSpan(node, p), cfg: p.cfg,
    };
  }
  const body = node.childForFieldName('body');
  if (!body) return undefined;
  const consts: ConstDef[] = [];
  let attrs = newPending();
  for (const k of body.children) {
    if (k.type === 'attribute_item') {
      addAttr(attrs, ctx, k);
      continue;
    }
    if (k.type === 'line_comment' || k.type === 'block_comment') continue;
    if (k.type === 'const_item') {
      const c = constItem('const', k, k.children, attrs, ctx);
      if (c) consts.push(c);
    }
    attrs = newPending();
  }
  if (consts.length === 0) return undefined;
  // Its parameters: one its self type does not name makes its constants unusable (rustc: E0207).
  const tparams = node.childForFieldName('type_parameters') ?? undefined;
  const where = node.children.find((k) => k.type === 'where_clause');
  return {
    kind: 'impl', selfTy: typeExpr(selfNode, ctx, 0), consts, ...(tparams || where ? { generics: genericsOf(tparams, where, ctx) } : {}), ...(where ? { hasWhere: true as const } : {}),
    ...lintAttrsOf(p, consts), span: itemSpan(node, p), cfg: p.cfg,
  };
}

function common(
  c: Node,
  kids: readonly Node[],
  nameNode: Node,
  p: Pending,
  ctx: Ctx,
): ItemCommon {
  let vis: string | undefined;
  for (const k of kids) {
    if (k.type === 'visibility_modifier') {
      vis = visText(ctx, k);
      break;
    }
  }
  const base: ItemCommon = {
    name: ident(slice(ctx, nameNode)),
    nameSpan: span(nameNode),
    span: { start: p.start >= 0 ? p.start : c.startIndex, end: c.endIndex },
    line: nameNode.startPosition.row,
    attrs: p.attrs,
    cfg: p.cfg,
  };
  return vis === undefined ? base : { ...base, vis };
}

function itemSpan(c: Node, p: Pending): Span {
  return { start: p.start >= 0 ? p.start : c.startIndex, end: c.endIndex };
}

function simpleItem(t: string, c: Node, p: Pending, ctx: Ctx): Item | undefined {
  const kids = c.children;
  switch (t) {
    case 'struct_item':
    case 'union_item':
      return withSyntaxError(structOrUnion(t === 'struct_item' ? 'struct' : 'union', c, kids, p, ctx), c, ctx);
    case 'enum_item':
      return withSyntaxError(enumItem(c, kids, p, ctx), c, ctx);
    case 'type_item':
      return withSyntaxError(typeAlias(c, kids, p, ctx), c, ctx);
    case 'const_item':
    case 'static_item':
      return withSyntaxError(constItem(t === 'const_item' ? 'const' : 'static', c, kids, p, ctx), c, ctx);
    case 'use_declaration':
      return useDecl(c, kids, p, ctx);
    case 'extern_crate_declaration':
      return externCrate(c, kids, p, ctx);
  }
  return undefined;
}

/**
 * A type's definition with a syntax error in it (half-typed code: `b: Option<u16 }`, `a: u8; b:
 * u32`, `pub : u8`) keeps what tree-sitter recovered, marked so the engine does not lay it out:
 * the recovery guesses (a MISSING `>`, a field swallowed by an ERROR) and rustc lays out nothing.
 */
function withSyntaxError<T extends StructDef | UnionDef | EnumDef | TypeAliasDef | ConstDef>(it: T | undefined, c: Node, ctx: Ctx): T | undefined {
  const keyword = ctx.keywordField;
  const edition = ctx.editionKeyword;
  ctx.keywordField = undefined;
  ctx.editionKeyword = undefined;
  if (it && keyword !== undefined) return { ...it, syntaxError: `\`${keyword}\` cannot name a field (${keyword === '_' ? 'a reserved identifier' : 'a keyword'})` };
  if (it && edition !== undefined && it.kind !== 'alias' && it.kind !== 'const' && it.kind !== 'static') it = { ...it, editionKeyword: edition };
  if (!it || !ctx.treeHasError || !c.hasError) return it;
  const what = firstSyntaxError(c, '', ctx, 0);
  return what ? { ...it, syntaxError: what } : it;
}

/**
 * `A<>`: valid Rust (every parameter takes its default), which tree-sitter parses as
 * `type_arguments` holding a MISSING type between `<` and `>`.
 */
function emptyArgs(n: Node): boolean {
  if (n.namedChildCount !== 1) return false;
  const only = n.namedChildren[0];
  const close = n.lastChild;
  return only !== null && only !== undefined && only.isMissing && n.childCount === 3 && close !== null && close.type === '>' && !close.isMissing;
}

/** What a MISSING named node stands for, in words. */
const MISSING_WORDS: Readonly<Record<string, string>> = {
  type_identifier: 'a type',
  primitive_type: 'a type',
  identifier: 'a name or a value',
  field_identifier: 'a field name',
  integer_literal: 'a number',
};

/**
 * What the first ERROR or MISSING node under `n` is, in words. The parent's type is passed down:
 * `Node.parent` on a MISSING node 800 levels deep corrupted web-tree-sitter's memory (the fuzz).
 */
function firstSyntaxError(n: Node, parentType: string, ctx: Ctx, depth: number): string | undefined {
  // A bare `dyn` (a type's name in 2015, E0224 from 2018 on) is read by typeExpr: not half-typed.
  if (n.isMissing && parentType === 'dynamic_type') return undefined;
  if (parentType === 'type_arguments' && n.isMissing && n.isNamed) return undefined; // `A<>`: see emptyArgs (the parent is checked before)
  if (n.isMissing) return n.isNamed ? `${MISSING_WORDS[n.type] ?? 'something'} missing` : `missing \`${n.type}\``;
  if (n.type === 'ERROR') {
    // `Foo<-1>` (valid Rust, not tree-sitter-rust): read by genericArgs.
    if (parentType === 'type_arguments' && slice(ctx, n).trim() === '-') return undefined;
    const text = short(ctx, n).replace(/\s+/g, ' ');
    return text ? `unexpected \`${text}\`` : 'a syntax error';
  }
  if (depth > MAX_NESTING) return 'a syntax error';
  if (n.type === 'type_arguments' && !emptyArgs(n)) {
    for (const k of n.children) if (k.isMissing && k.isNamed) return 'a type missing';
  }
  for (const k of n.children) {
    if (!k.hasError) continue;
    const found = firstSyntaxError(k, n.type, ctx, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function findName(kids: readonly Node[], type: string): Node | undefined {
  for (const k of kids) {
    if (k.type === type) return k.endIndex > k.startIndex ? k : undefined;
  }
  return undefined;
}

/**
 * The parts of a struct, union or enum item: its name (the first type identifier), generic
 * parameters, where clause and body (the first child whose type is one of `bodyTypes`).
 * Undefined without a (non-empty) name.
 */
function adtParts(kids: readonly Node[], bodyTypes: readonly string[]): { nameNode: Node; tparams?: Node; where?: Node; body?: Node } | undefined {
  let nameNode: Node | undefined;
  let tparams: Node | undefined;
  let where: Node | undefined;
  let body: Node | undefined;
  for (const k of kids) {
    const t = k.type;
    if (t === 'type_identifier') nameNode ??= k;
    else if (t === 'type_parameters') tparams = k;
    else if (t === 'where_clause') where = k;
    else if (bodyTypes.includes(t)) body ??= k;
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  return { nameNode, tparams, where, body };
}

const STRUCT_BODIES = ['field_declaration_list', 'ordered_field_declaration_list'];
const ENUM_BODIES = ['enum_variant_list'];

function structOrUnion(kind: 'struct' | 'union', c: Node, kids: Node[], p: Pending, ctx: Ctx): StructDef | UnionDef | undefined {
  const parts = adtParts(kids, STRUCT_BODIES);
  if (!parts) return undefined;
  const { nameNode, tparams, where, body } = parts;
  const base = common(c, kids, nameNode, p, ctx);
  const generics = withUndeclaredLifetime(genericsOf(tparams, where, ctx), tparams, kids, ctx);
  const repr: Repr = p.repr ?? EMPTY_REPR;
  let shape: Shape = 'unit';
  let fields: FieldDef[] = [];
  if (body) {
    if (body.type === 'field_declaration_list') {
      shape = 'named';
      fields = namedFields(body, ctx);
    } else {
      shape = 'tuple';
      fields = tupleFields(body, ctx);
    }
  }
  if (kind === 'union') {
    const u: UnionDef = { kind: 'union', ...base, generics, repr, fields, ...(body ? { bodySpan: span(body) } : {}) };
    return u;
  }
  const s: StructDef = { kind: 'struct', ...base, shape, generics, repr, fields, ...(body ? { bodySpan: span(body) } : {}) };
  return s;
}

function enumItem(c: Node, kids: Node[], p: Pending, ctx: Ctx): EnumDef | undefined {
  const parts = adtParts(kids, ENUM_BODIES);
  if (!parts) return undefined;
  const { nameNode, tparams, where, body } = parts;
  const variants = body ? membersOf(body, 'enum_variant', ctx, variant) : [];
  const e: EnumDef = {
    kind: 'enum',
    ...common(c, kids, nameNode, p, ctx),
    generics: withUndeclaredLifetime(genericsOf(tparams, where, ctx), tparams, kids, ctx),
    repr: p.repr ?? EMPTY_REPR,
    variants,
    ...(body ? { bodySpan: span(body) } : {}),
  };
  return e;
}

function variant(n: Node, p: Pending, ctx: Ctx): VariantDef | undefined {
  let nameNode: Node | undefined;
  let body: Node | undefined;
  let value: Node | undefined;
  let afterEq = false;
  let vis: string | undefined;
  for (const k of n.children) {
    const t = k.type;
    if (t === '=') {
      afterEq = true;
    } else if (afterEq) {
      value ??= k;
    } else if (t === 'visibility_modifier') {
      vis ??= visText(ctx, k);
    } else if (t === 'identifier') {
      nameNode ??= k;
    } else if (t === 'field_declaration_list' || t === 'ordered_field_declaration_list') {
      body = k;
    }
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  let shape: Shape = 'unit';
  let fields: FieldDef[] = [];
  if (body) {
    if (body.type === 'field_declaration_list') {
      shape = 'named';
      fields = namedFields(body, ctx);
    } else {
      shape = 'tuple';
      fields = tupleFields(body, ctx);
    }
  }
  const v: VariantDef = {
    name: ident(slice(ctx, nameNode)),
    nameSpan: span(nameNode),
    span: { start: p.start >= 0 ? p.start : n.startIndex, end: n.endIndex },
    line: nameNode.startPosition.row,
    shape,
    fields,
    attrs: p.attrs,
    cfg: p.cfg,
    ...(value ? { discriminant: constExpr(value, ctx, 0) } : {}),
    ...(vis !== undefined ? { vis } : {}),
  };
  return v;
}

function namedFields(list: Node, ctx: Ctx): FieldDef[] {
  const fields = membersOf(list, 'field_declaration', ctx, namedField);
  // Text between fields that tree-sitter could not parse (`b: u32 c: u8`) may be fields: one of
  // unknown type stands for it, so the type is not laid out without them.
  for (const k of list.children) {
    if (k.type !== 'ERROR') continue;
    fields.push({ name: '?', nameSpan: span(k), span: span(k), ty: unknownType(ctx, k), attrs: [], cfg: [] });
  }
  return fields;
}

/**
 * The `type` children of a `{ … }` body built by `build`, each with the attributes and comments
 * just before it (anything else in between, like a comma, starts a new pending set).
 */
function membersOf<T>(list: Node, type: string, ctx: Ctx, build: (n: Node, p: Pending, ctx: Ctx) => T | undefined): T[] {
  const out: T[] = [];
  let p = newPending();
  for (const k of list.children) {
    switch (k.type) {
      case 'attribute_item':
        addAttr(p, ctx, k);
        continue;
      case 'line_comment':
      case 'block_comment':
        addComment(p, ctx, k);
        continue;
      case type: {
        const m = build(k, p, ctx);
        if (m) out.push(m);
        break;
      }
    }
    p = newPending();
  }
  return out;
}

function namedField(n: Node, p: Pending, ctx: Ctx): FieldDef | undefined {
  let vis: string | undefined;
  let nameNode: Node | undefined;
  let tyNode: Node | undefined;
  let afterColon = false;
  for (const k of n.children) {
    const t = k.type;
    if (t === 'visibility_modifier') vis = visText(ctx, k);
    else if (t === 'field_identifier') nameNode ??= k;
    else if (t === ':') afterColon = true;
    else if (afterColon && !tyNode && t !== 'line_comment' && t !== 'block_comment') tyNode = k;
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  const raw = slice(ctx, nameNode);
  if (NOT_FIELD_NAMES.has(raw)) ctx.keywordField ??= raw;
  else if (EDITION_2018_KEYWORDS.has(raw)) ctx.editionKeyword ??= raw;
  const ty: TypeExpr = tyNode
    ? typeExpr(tyNode, ctx, 0)
    : { kind: 'unknown', text: '', span: { start: n.endIndex, end: n.endIndex } };
  const f: FieldDef = {
    name: ident(slice(ctx, nameNode)),
    nameSpan: span(nameNode),
    span: { start: p.start >= 0 ? p.start : n.startIndex, end: n.endIndex },
    ty,
    attrs: p.attrs,
    cfg: p.cfg,
    ...(vis !== undefined ? { vis } : {}),
  };
  return f;
}

function tupleFields(list: Node, ctx: Ctx): FieldDef[] {
  const out: FieldDef[] = [];
  let p = newPending();
  let vis: string | undefined;
  for (const k of list.children) {
    const t = k.type;
    switch (t) {
      case '(':
      case ')':
        continue;
      case ',':
        p = newPending();
        vis = undefined;
        continue;
      case 'attribute_item':
        addAttr(p, ctx, k);
        continue;
      case 'line_comment':
      case 'block_comment':
        addComment(p, ctx, k);
        continue;
      case 'visibility_modifier':
        vis = visText(ctx, k);
        if (p.start < 0) p.start = k.startIndex;
        continue;
    }
    // Text tree-sitter could not parse (`*const for<'a> Tr<'a>` of 2015 code, `(u8, , u16)`) is
    // a field of unknown type, never nothing: dropping it would lay out a smaller type.
    if (!k.isNamed && t !== 'ERROR') continue;
    const f: FieldDef = {
      name: String(out.length),
      nameSpan: span(k),
      span: { start: p.start >= 0 ? p.start : k.startIndex, end: k.endIndex },
      ty: t === 'ERROR' ? unknownType(ctx, k) : typeExpr(k, ctx, 0),
        attrs: p.attrs,
      cfg: p.cfg,
      ...(vis !== undefined ? { vis } : {}),
    };
    out.push(f);
    p = newPending();
    vis = undefined;
  }
  return out;
}

function typeAlias(c: Node, kids: Node[], p: Pending, ctx: Ctx): TypeAliasDef | undefined {
  let nameNode: Node | undefined;
  let tparams: Node | undefined;
  let where: Node | undefined;
  let tyNode: Node | undefined;
  let afterEq = false;
  for (const k of kids) {
    const t = k.type;
    if (t === '=') afterEq = true;
    else if (t === 'where_clause') where = k;
    else if (afterEq) {
      if (!tyNode && t !== ';' && t !== 'line_comment' && t !== 'block_comment') tyNode = k;
    } else if (t === 'type_identifier') nameNode ??= k;
    else if (t === 'type_parameters') tparams = k;
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  const a: TypeAliasDef = {
    kind: 'alias',
    ...common(c, kids, nameNode, p, ctx),
    generics: withUndeclaredLifetime(genericsOf(tparams, where, ctx), tparams, kids, ctx),
    ...(tyNode && tyNode.endIndex > tyNode.startIndex ? { ty: typeExpr(tyNode, ctx, 0) } : {}),
  };
  return a;
}

function constItem(kind: 'const' | 'static', c: Node, kids: Node[], p: Pending, ctx: Ctx): ConstDef | undefined {
  let nameNode: Node | undefined;
  let tyNode: Node | undefined;
  let valueNode: Node | undefined;
  let state = 0; // 0 before `:`, 1 type, 2 value
  for (const k of kids) {
    const t = k.type;
    if (t === ':') state = 1;
    else if (t === '=') state = 2;
    else if (t === ';' || t === 'line_comment' || t === 'block_comment') continue;
    else if (state === 0 && t === 'identifier') nameNode ??= k;
    else if (state === 1) tyNode ??= k;
    else if (state === 2) valueNode ??= k;
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  const d: ConstDef = {
    kind,
    ...common(c, kids, nameNode, p, ctx),
    ...(tyNode && tyNode.endIndex > tyNode.startIndex ? { ty: typeExpr(tyNode, ctx, 0) } : {}),
    ...(valueNode && valueNode.endIndex > valueNode.startIndex ? { value: constExpr(valueNode, ctx, 0) } : {}),
  };
  return d;
}

function externCrate(c: Node, kids: Node[], p: Pending, ctx: Ctx): Item | undefined {
  let crate: string | undefined;
  let alias: string | undefined;
  let vis: string | undefined;
  let afterAs = false;
  for (const k of kids) {
    const t = k.type;
    if (t === 'visibility_modifier') vis = visText(ctx, k);
    else if (t === 'as') afterAs = true;
    else if (t === 'identifier' || t === 'self') {
      const v = ident(slice(ctx, k));
      if (!v) continue;
      if (afterAs) alias ??= v;
      else crate ??= v;
    }
  }
  if (!crate) return undefined;
  return {
    kind: 'externCrate',
    crate,
    ...(alias !== undefined ? { alias } : {}),
    ...(vis !== undefined ? { vis } : {}),
    span: itemSpan(c, p),
    cfg: p.cfg,
    ...(p.attrs.some((a) => a.name === 'macro_use') ? { macroUse: true } : {}),
  };
}

// ───────────────────────────── use ─────────────────────────────

function useDecl(c: Node, kids: Node[], p: Pending, ctx: Ctx): Item {
  let vis: string | undefined;
  const entries: UseEntry[] = [];
  for (const k of kids) {
    const t = k.type;
    if (t === 'visibility_modifier') vis = visText(ctx, k);
    else if (t !== 'use' && t !== ';' && k.isNamed && t !== 'ERROR') flattenUse(k, [], false, ctx, entries, 0);
  }
  return {
    kind: 'use',
    entries,
    ...(vis !== undefined ? { vis } : {}),
    span: itemSpan(c, p),
    cfg: p.cfg,
  };
}

/** Path segments of a simple path node (`a::b::c`), and whether it starts with `::`. */
function simplePath(n: Node, ctx: Ctx, out: string[], depth = 0): boolean {
  const t = n.type;
  if (t === 'scoped_identifier' || t === 'scoped_type_identifier') {
    if (depth > MAX_NESTING) return false;
    let global = false;
    const kids = n.children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.type === '::') {
        if (i === 0) global = true;
        continue;
      }
      if (simplePath(k, ctx, out, depth + 1)) global = true;
    }
    return global;
  }
  const s = slice(ctx, n);
  if (s) out.push(ident(s));
  return false;
}

function flattenUse(n: Node, prefix: readonly string[], global: boolean, ctx: Ctx, out: UseEntry[], depth: number): void {
  if (depth > MAX_NESTING) return;
  switch (n.type) {
    case 'identifier':
    case 'self':
    case 'crate':
    case 'super':
    case 'metavariable':
    case 'scoped_identifier': {
      const segs: string[] = [];
      const g = simplePath(n, ctx, segs);
      out.push(useEntry(prefix, segs, global || g, undefined, false));
      return;
    }
    case 'use_as_clause': {
      const kids = n.children;
      const segs: string[] = [];
      let g = false;
      let alias: string | undefined;
      let afterAs = false;
      for (const k of kids) {
        if (k.type === 'as') afterAs = true;
        else if (afterAs) alias = ident(slice(ctx, k));
        else if (k.isNamed) g = simplePath(k, ctx, segs);
        else if (k.type === '::') g = true;
      }
      out.push(useEntry(prefix, segs, global || g, alias, false));
      return;
    }
    case 'use_wildcard': {
      const segs: string[] = [];
      let g = false;
      const kids = n.children;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!;
        if (k.type === '::') {
          if (i === 0) g = true;
        } else if (k.type !== '*' && k.isNamed) {
          if (simplePath(k, ctx, segs)) g = true;
        }
      }
      out.push(useEntry(prefix, segs, global || g, undefined, true));
      return;
    }
    case 'use_list':
      for (const k of n.children) {
        if (k.isNamed && k.type !== 'ERROR' && k.type !== 'line_comment' && k.type !== 'block_comment') {
          flattenUse(k, prefix, global, ctx, out, depth + 1);
        }
      }
      return;
    case 'scoped_use_list': {
      const kids = n.children;
      const segs: string[] = [];
      let g = global;
      let list: Node | undefined;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!;
        if (k.type === '::') {
          if (i === 0) g = true;
        } else if (k.type === 'use_list') list = k;
        else if (k.isNamed) {
          if (simplePath(k, ctx, segs)) g = true;
        }
      }
      if (list) flattenUse(list, [...prefix, ...segs], g, ctx, out, depth + 1);
      return;
    }
  }
}

// ───────────────────────────── generics ─────────────────────────────

function genericsOf(tparams: Node | undefined, where: Node | undefined, ctx: Ctx): Generics {
  if (!tparams && !where) return NO_GENERICS;
  const params: GenericParam[] = [];
  /** The lifetimes each lifetime parameter is bounded by (`'b: 'a`), inline or in the where clause. */
  const lifetimeBounds = new Map<string, string[]>();
  let opaque = false;
  if (tparams) {
    for (const k of tparams.children) {
      switch (k.type) {
        case 'lifetime_parameter': {
          // A raw lifetime (`'r#a`) is the lifetime `'a`.
          const text = slice(ctx, k);
          const m = /^'(?:r#)?([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
          if (m) {
            params.push({ kind: 'lifetime', name: `'${m[1]}` });
            // Its bounds (`'b: 'a + 'static`): outlivesStatic is decided once the where clause is read.
            const colon = text.indexOf(':');
            if (colon >= 0) addLifetimeBounds(lifetimeBounds, `'${m[1]}`, text.slice(colon + 1));
          }
          break;
        }
        case 'type_parameter': {
          let name: string | undefined;
          let maybeUnsized = false;
          let def: Node | undefined;
          let afterEq = false;
          let bounds: TypeExpr[] | undefined;
          let traits: string[] | undefined;
          let others: string[] | undefined;
          let fns: FnBound[] | undefined;
          let staticBound = false;
          let outlives: string[] | undefined;
          for (const q of k.children) {
            const t = q.type;
            if (t === '=') afterEq = true;
            else if (afterEq) def ??= q;
            else if (t === 'type_identifier') name ??= ident(slice(ctx, q));
            else if (t === 'trait_bounds') {
              if (boundsStatic(q, ctx)) staticBound = true;
              outlives = boundLifetimes(q, ctx, outlives);
              if (hasOpaqueBound(q)) opaque = true;
              if (hasMaybeSized(q, ctx)) maybeUnsized = true;
              bounds = argBounds(q, ctx, bounds);
              traits = plainBounds(q, ctx, traits);
              others = otherBounds(q, ctx, others);
              fns = fnBoundsOf(q, ctx, fns);
            }
          }
          if (!name) break;
          params.push({
            kind: 'type',
            name,
            maybeUnsized,
            ...(def && def.endIndex > def.startIndex ? { default: typeExpr(def, ctx, 0) } : {}),
            ...(bounds ? { bounds } : {}),
            ...(traits ? { traits } : {}),
            ...(others ? { otherBounds: others } : {}),
            ...(fns ? { fnBounds: fns } : {}),
            ...(staticBound ? { staticBound: true as const } : {}),
            ...(outlives ? { outlives } : {}),
          });
          break;
        }
        case 'const_parameter': {
          let name: string | undefined;
          let ty: Node | undefined;
          let def: Node | undefined;
          let state = 0;
          for (const q of k.children) {
            const t = q.type;
            if (t === ':') state = 1;
            else if (t === '=') state = 2;
            else if (t === 'const') continue;
            else if (state === 0 && t === 'identifier') name ??= ident(slice(ctx, q));
            else if (state === 1) ty ??= q;
            else if (state === 2) def ??= q;
          }
          if (!name) break;
          params.push({
            kind: 'const',
            name,
            ty: ty ? typeExpr(ty, ctx, 0) : { kind: 'unknown', text: '', span: span(k) },
            ...(def && def.endIndex > def.startIndex ? { default: constExpr(def, ctx, 0) } : {}),
          });
          break;
        }
      }
    }
  }
  let predicates: WherePredicate[] | undefined;
  let outlivesPredicates: { ty: TypeExpr; lifetimes: string[] }[] | undefined;
  /** `where Vec<T>: 'static`, `where T::Out: 'a` (Generics.outlivesPredicates). */
  const keepOutlives = (on: Node, bounds: Node): void => {
    const lifetimes = lifetimesIn(bounds, ctx);
    if (lifetimes.length) (outlivesPredicates ??= []).push({ ty: typeExpr(on, ctx, 0), lifetimes });
  };
  if (where) {
    for (const pred of where.children) {
      if (pred.type !== 'where_predicate') continue;
      const pk = pred.children;
      const left = pk[0];
      const param = left?.type === 'type_identifier' && params.some((q) => q.kind === 'type' && q.name === ident(slice(ctx, left)));
      if (left && !param && !isParamProjection(left, params, ctx)) {
        // `where Vec<T>: Clone`: a bound on another type (src/core/bounds.ts checks it once the
        // parameters have arguments).
        const bounds = pk.find((q) => q.type === 'trait_bounds');
        if (left.type === 'higher_ranked_trait_bound' || (bounds && left.type !== 'lifetime' && hasOpaqueBound(bounds))) opaque = true;
        if (left.type === 'lifetime') {
          // `where 'b: 'a + 'static`.
          const name = slice(ctx, left).replace(/\s+/g, '').replace(/^'r#/, "'");
          addLifetimeBounds(lifetimeBounds, name, slice(ctx, pred).slice(slice(ctx, left).length));
          continue;
        }
        if (!bounds) continue;
        // `for<'a> &'a T: Tr`: kept as a bound on `&T`, marked (only a certain "no" decides it).
        const hr = left.type === 'higher_ranked_trait_bound';
        const on = hr ? left.childForFieldName('type') : left;
        if (!on) continue;
        if (!hr) keepOutlives(on, bounds);
        const withArgs = argBounds(bounds, ctx, undefined);
        const traits = plainBounds(bounds, ctx, undefined);
        const others = otherBounds(bounds, ctx, undefined);
        if (withArgs || traits || others) (predicates ??= []).push({ ty: typeExpr(on, ctx, 0), ...(traits ? { traits } : {}), ...(withArgs ? { bounds: withArgs } : {}), ...(others ? { otherBounds: others } : {}), ...(hr ? { higherRanked: true as const } : {}) });
        continue;
      }
      if (left && left.type !== 'type_identifier') {
        // `where T::Out: Sized`, `<T as D>::Out: Copy`: a bound on a projection of T, also kept as a
        // predicate, which a use with arguments checks (`T::Out` is then a type).
        const root = /^<?\s*(?:r#)?([A-Za-z_]\w*)\s*(?:::|\bas\b)/.exec(slice(ctx, left))?.[1];
        const j = root === undefined ? -1 : params.findIndex((q) => q.kind === 'type' && q.name === root);
        const q = params[j];
        if (q?.kind === 'type') params[j] = { ...q, projectionBounds: true };
        const bounds = pk.find((k) => k.type === 'trait_bounds');
        if (bounds) keepOutlives(left, bounds);
        if (bounds && !hasOpaqueBound(bounds)) {
          const withArgs = argBounds(bounds, ctx, undefined);
          const traits = plainBounds(bounds, ctx, undefined);
          if (withArgs || traits) (predicates ??= []).push({ ty: typeExpr(left, ctx, 0), ...(traits ? { traits } : {}), ...(withArgs ? { bounds: withArgs } : {}), projection: true });
        } else if (bounds) opaque = true;
        continue;
      }
      if (!left) continue;
      const name = ident(slice(ctx, left));
      const bounds = pk.find((q) => q.type === 'trait_bounds');
      if (!bounds) continue;
      if (hasOpaqueBound(bounds)) opaque = true;
      const i = params.findIndex((q) => q.kind === 'type' && q.name === name);
      const prev = params[i];
      if (!prev || prev.kind !== 'type') continue;
      const withArgs = argBounds(bounds, ctx, prev.bounds && [...prev.bounds]);
      const traits = plainBounds(bounds, ctx, prev.traits && [...prev.traits]);
      const others = otherBounds(bounds, ctx, prev.otherBounds && [...prev.otherBounds]);
      const fns = fnBoundsOf(bounds, ctx, prev.fnBounds && [...prev.fnBounds]);
      const outlives = boundLifetimes(bounds, ctx, prev.outlives && [...prev.outlives]);
      params[i] = {
        ...prev, ...(hasMaybeSized(bounds, ctx) ? { maybeUnsized: true } : {}), ...(withArgs ? { bounds: withArgs } : {}), ...(traits ? { traits } : {}), ...(others ? { otherBounds: others } : {}),
        ...(fns ? { fnBounds: fns } : {}), ...(boundsStatic(bounds, ctx) ? { staticBound: true as const } : {}), ...(outlives ? { outlives } : {}),
      };
    }
  }
  markStaticLifetimes(params, lifetimeBounds);
  // `T: ?Clone`: `?` relaxes `Sized` only.
  let relaxed: string | undefined;
  for (const holder of [tparams, where]) {
    const visit = (n: Node, depth: number): void => {
      if (relaxed !== undefined || depth > 6) return;
      if (n.type === 'removed_trait_bound') {
        if (!/Sized\s*$/.test(slice(ctx, n))) relaxed = slice(ctx, n).replace(/\s+/g, '');
        return;
      }
      if (n.type === 'type_parameter' || n.type === 'where_predicate' || n.type === 'trait_bounds' || n.type === 'type_parameters' || n.type === 'where_clause') for (const k of n.children) visit(k, depth + 1);
    };
    if (holder) visit(holder, 0);
  }
  // The types in the bounds' `Fn(..) -> R` signatures (Generics.boundTypes).
  const sigTypes: TypeExpr[] = [];
  const sigs = (n: Node, depth: number): void => {
    if (depth > 6) return;
    if (n.type === 'trait_bounds') {
      for (const b of n.namedChildren) {
        const f = b.type === 'higher_ranked_trait_bound' ? b.childForFieldName('type') : b;
        if (f?.type === 'function_type' && !f.children.some((k) => k.type === 'fn')) boundInnerTypes(f, ctx, 0, sigTypes);
      }
      return;
    }
    if (n.type === 'type_parameter' || n.type === 'where_predicate' || n.type === 'type_parameters' || n.type === 'where_clause') for (const k of n.children) sigs(k, depth + 1);
  };
  if (tparams) sigs(tparams, 0);
  if (where) sigs(where, 0);
  return {
    params,
    ...(predicates ? { predicates } : {}),
    ...(outlivesPredicates ? { outlivesPredicates } : {}),
    ...(opaque ? { opaqueBounds: true as const } : {}),
    ...(relaxed !== undefined ? { relaxedBound: relaxed } : {}),
    ...(sigTypes.length ? { boundTypes: sigTypes } : {}),
  };
}

/** Every lifetime written in the nodes, in order, those a `for<..>` declares marked as binders (syntax.ts freeLifetimes). */
function lifetimeOccurrences(nodes: readonly (Node | undefined)[], ctx: Ctx): { name: string; binder: boolean }[] {
  const out: { name: string; binder: boolean }[] = [];
  const walk = (n: Node, binder: boolean, depth: number): void => {
    if (depth > 4 * MAX_NESTING) return;
    if (n.type === 'lifetime') {
      out.push({ name: lifetimeName(slice(ctx, n).replace(/\s+/g, '')), binder });
      return;
    }
    const hr = n.type === 'higher_ranked_trait_bound' ? n.childForFieldName('type_parameters') : undefined;
    for (const k of n.children) walk(k, binder || n.type === 'for_lifetimes' || (hr !== undefined && hr !== null && k.id === hr.id), depth + 1);
  };
  for (const n of nodes) if (n) walk(n, false, 0);
  return out;
}

/** A type item's generics with the first lifetime it names but does not declare (Generics.undeclaredLifetime). */
function withUndeclaredLifetime(g: Generics, tparams: Node | undefined, kids: readonly Node[], ctx: Ctx): Generics {
  const wheres = kids.filter((k) => k.type === 'where_clause');
  if (!tparams && !wheres.length) return g;
  const l = firstUndeclared(freeLifetimes(lifetimeOccurrences([tparams, ...wheres], ctx)), g.params);
  return l ? { ...g, undeclaredLifetime: l } : g;
}

/** The free lifetimes of a trait object or fn pointer type (model's `lifetimes`), as a spreadable part. */
function typeLifetimes(n: Node, ctx: Ctx): { lifetimes?: readonly string[] } {
  const free = freeLifetimes(lifetimeOccurrences([n], ctx));
  return free.length ? { lifetimes: free } : {};
}

/** The bound kinds the model keeps (the rest make Generics.opaqueBounds): trait paths, lifetimes, `?Sized`. */
const KEPT_BOUNDS: ReadonlySet<string> = new Set(['type_identifier', 'scoped_type_identifier', 'generic_type', 'lifetime', 'removed_trait_bound', 'line_comment', 'block_comment']);

/** Adds the lifetimes written in `text` (a lifetime's bounds: `'a + 'static`) to `name`'s. */
function addLifetimeBounds(into: Map<string, string[]>, name: string, text: string): void {
  const found = [...text.matchAll(/'(?:r#)?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => `'${m[1]}`);
  if (found.length) into.set(name, [...(into.get(name) ?? []), ...found]);
}

/**
 * GenericParam.outlivesStatic for the lifetime parameters: bounded by `'static`, or by another
 * lifetime parameter that is (`'b: 'a` with `'a: 'static`); and their other bounds (`outlives`).
 */
function markStaticLifetimes(params: GenericParam[], bounds: ReadonlyMap<string, readonly string[]>): void {
  if (bounds.size === 0) return;
  const lasting = new Set(["'static"]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, of] of bounds) {
      if (!lasting.has(name) && of.some((l) => lasting.has(l))) {
        lasting.add(name);
        changed = true;
      }
    }
  }
  params.forEach((p, i) => {
    if (p.kind !== 'lifetime') return;
    const others = bounds.get(p.name)?.filter((l) => l !== "'static");
    if (lasting.has(p.name) || others?.length) params[i] = { kind: 'lifetime', name: p.name, ...(lasting.has(p.name) ? { outlivesStatic: true as const } : {}), ...(others?.length ? { outlives: others } : {}) };
  });
}

/** A `lifetime` node's name (`'r#a` is `'a`). */
function lifetimeOf(n: Node, ctx: Ctx): string {
  return lifetimeName(slice(ctx, n).replace(/\s+/g, ''));
}

/** The lifetimes a `trait_bounds` node holds. */
function lifetimesIn(bounds: Node, ctx: Ctx): string[] {
  return bounds.children.flatMap((b) => (b.type === 'lifetime' ? [lifetimeOf(b, ctx)] : []));
}

/** The lifetimes other than `'static` a `trait_bounds` node holds (`T: Send + 'a`: `'a`), added to `into`. */
function boundLifetimes(bounds: Node, ctx: Ctx, into: string[] | undefined): string[] | undefined {
  const found = lifetimesIn(bounds, ctx).filter((l) => l !== "'static");
  return found.length ? [...(into ?? []), ...found] : into;
}

/** Whether a `trait_bounds` node holds the lifetime `'static` (`T: Send + 'static`). */
function boundsStatic(bounds: Node, ctx: Ctx): boolean {
  return lifetimesIn(bounds, ctx).includes("'static");
}

/** Whether a `trait_bounds` node holds a bound the model does not keep (`FnOnce() -> O`, `for<'a> Fn(&'a T)`). */
function hasOpaqueBound(bounds: Node): boolean {
  for (const b of bounds.children) if (b.isNamed && !KEPT_BOUNDS.has(b.type)) return true;
  return false;
}

/** `T::Out`, `<T as D>::Out` where `T` is one of the parameters: a projection bound (GenericParam.projectionBounds). */
function isParamProjection(left: Node, params: readonly GenericParam[], ctx: Ctx): boolean {
  const root = /^<?\s*(?:r#)?([A-Za-z_]\w*)\s*(?:::|\bas\b)/.exec(slice(ctx, left))?.[1];
  return root !== undefined && params.some((q) => q.kind === 'type' && q.name === root);
}

/**
 * Whether a `where` clause bounds something other than the generic parameters (`where Vec<T>:
 * Clone`, `where u8: From<T>`): genericsOf keeps only the bounds of the parameters themselves.
 */
function boundsOthers(where: Node, generics: Generics, ctx: Ctx): boolean {
  return where.children.some((pred) => {
    if (pred.type !== 'where_predicate') return false;
    const left = pred.children[0];
    if (!left || left.type === 'lifetime') return false;
    const name = left.type === 'type_identifier' ? ident(slice(ctx, left)) : undefined;
    return !generics.params.some((q) => q.kind === 'type' && q.name === name);
  });
}

/** The bounds of a `trait_bounds` node that are trait paths with generic arguments (`ArrayLength<T>`), appended to `into`. */
function argBounds(bounds: Node, ctx: Ctx, into: TypeExpr[] | undefined): TypeExpr[] | undefined {
  for (const b of bounds.children) {
    if (b.type !== 'generic_type') continue;
    const te = typeExpr(b, ctx, 0);
    if (te.kind !== 'path' || te.qualified || !te.segments[te.segments.length - 1]!.args.length) continue;
    (into ??= []).push(te);
  }
  return into;
}

/**
 * The bounds of a `trait_bounds` node that neither plainBounds nor argBounds keep, as written
 * (`Fn(T) -> U`, `for<'a> Fn(&'a T)`, `(Tr)`); lifetimes and `?Sized` are not bounds on the
 * argument's traits and are left out.
 */
function otherBounds(bounds: Node, ctx: Ctx, into: string[] | undefined): string[] | undefined {
  for (const b of bounds.namedChildren) {
    const t = b.type;
    if (t === 'type_identifier' || t === 'generic_type' || t === 'lifetime' || t === 'removed_trait_bound' || t === 'line_comment' || t === 'block_comment') continue;
    if (t === 'scoped_type_identifier' && b.childForFieldName('name')) continue;
    (into ??= []).push(slice(ctx, b).replace(/\s+/g, ' '));
  }
  return into;
}

/** The `Fn`-family bounds of a `trait_bounds` node written with their sugar (GenericParam.fnBounds), appended to `into`. */
function fnBoundsOf(bounds: Node, ctx: Ctx, into: FnBound[] | undefined): FnBound[] | undefined {
  for (const b of bounds.namedChildren) {
    const f = b.type === 'higher_ranked_trait_bound' ? b.childForFieldName('type') : b;
    if (f?.type !== 'function_type' || f.children.some((k) => k.type === 'fn')) continue;
    const trait = slice(ctx, f.childForFieldName('trait') ?? f).replace(/\s+/g, '').split('::').pop();
    if (trait !== 'Fn' && trait !== 'FnMut' && trait !== 'FnOnce') continue;
    const params: TypeExpr[] = [];
    for (const p of f.childForFieldName('parameters')?.children ?? []) {
      if (!p.isNamed || p.type === 'line_comment' || p.type === 'block_comment' || p.type === 'attribute_item') continue;
      const ty = p.type === 'parameter' ? p.childForFieldName('type') : p;
      if (ty) params.push(typeExpr(ty, ctx, 0));
    }
    const ret = f.childForFieldName('return_type');
    (into ??= []).push({ text: slice(ctx, b).replace(/\s+/g, ' '), trait, params, ...(ret ? { ret: typeExpr(ret, ctx, 0) } : {}) });
  }
  return into;
}

/** The last segments of a `trait_bounds` node's trait paths without generic arguments (`Tr`, `a::Tr`), appended to `into`. */
function plainBounds(bounds: Node, ctx: Ctx, into: string[] | undefined): string[] | undefined {
  for (const b of bounds.children) {
    if (b.type === 'type_identifier') (into ??= []).push(ident(slice(ctx, b)));
    else if (b.type === 'scoped_type_identifier' && b.childForFieldName('name')) {
      (into ??= []).push(
        slice(ctx, b)
          .split('::')
          .map((x) => ident(x.trim()))
          .join('::'),
      );
    }
  }
  return into;
}

/**
 * A trait's supertraits (TraitDef.superTraits and superBounds): its bounds (`trait Sub: Sup +
 * Other<u8>`) and its where clause's bounds on `Self`; with its parameters' names when a bound has
 * arguments.
 */
function supertraitsOf(n: Node, ctx: Ctx): { superTraits?: string[]; superBounds?: TypeExpr[]; typeParams?: string[]; outlivesStatic?: true } {
  let traits: string[] | undefined;
  let bounds: TypeExpr[] | undefined;
  let outlivesStatic = false;
  const own = n.childForFieldName('bounds');
  if (own) {
    traits = plainBounds(own, ctx, traits);
    bounds = argBounds(own, ctx, bounds);
    outlivesStatic ||= boundsStatic(own, ctx);
  }
  const where = n.children.find((k) => k.type === 'where_clause');
  for (const pred of where?.children ?? []) {
    if (pred.type !== 'where_predicate') continue;
    const left = pred.childForFieldName('left');
    const b = pred.childForFieldName('bounds');
    if (left?.type !== 'type_identifier' || slice(ctx, left) !== 'Self' || !b) continue;
    traits = plainBounds(b, ctx, traits);
    bounds = argBounds(b, ctx, bounds);
    outlivesStatic ||= boundsStatic(b, ctx);
  }
  let typeParams: string[] | undefined;
  if (bounds) {
    for (const q of n.childForFieldName('type_parameters')?.children ?? []) {
      if (q.type !== 'type_parameter' && q.type !== 'const_parameter') continue;
      const name = q.childForFieldName('name');
      if (name) (typeParams ??= []).push(ident(slice(ctx, name)));
    }
  }
  return { ...(traits ? { superTraits: traits } : {}), ...(bounds ? { superBounds: bounds } : {}), ...(typeParams ? { typeParams } : {}), ...(outlivesStatic ? { outlivesStatic: true as const } : {}) };
}

/** Receiver types a trait object dispatches on (`self: Box<Self>`), by last segment; `Pin<..>` of one of them too. */
const DISPATCH_RECEIVERS: ReadonlySet<string> = new Set(['Box', 'Rc', 'Arc']);

/**
 * What a trait's own items say of `dyn Trait` (TraitDynFacts), read from its body; undefined when
 * it has neither items nor parameters.
 */
function traitDynFacts(trait: Node, ctx: Ctx): TraitDynFacts | undefined {
  let incompatible: string | undefined;
  let unsure: string | undefined;
  const assoc: string[] = [];
  let needsArgs: TraitDynFacts['needsArgs'];
  const traitName = slice(ctx, trait.childForFieldName('name') ?? trait);
  for (const q of trait.childForFieldName('type_parameters')?.children ?? []) {
    if (q.type === 'const_parameter') needsArgs = 'missing';
    if (q.type !== 'type_parameter') continue;
    const def = q.childForFieldName('default_type');
    if (!def) needsArgs = 'missing';
    else if (mentionsSelf(def, ctx, traitName, 0) !== 'no') needsArgs ??= 'selfDefault';
  }
  const selfSized = (n: Node): boolean =>
    n.children.some((w) => w.type === 'where_clause' && w.children.some((pr) => pr.type === 'where_predicate' && slice(ctx, pr.childForFieldName('left') ?? pr).trim() === 'Self' && /(?:^|[\s+:])Sized\b/.test(slice(ctx, pr.childForFieldName('bounds') ?? pr))));
  // An item behind `#[cfg(..)]` may not be there: what it would say is unsure.
  let gated = false;
  for (const k of trait.childForFieldName('body')?.children ?? []) {
    if (incompatible) break;
    if (k.type === 'attribute_item') {
      if (/^#\s*\[\s*cfg/.test(slice(ctx, k))) gated = true;
      continue;
    }
    if (k.type === 'line_comment' || k.type === 'block_comment') continue;
    const wasGated = gated;
    const unsureBefore = unsure;
    const assocBefore = assoc.length;
    gated = false;
    switch (k.type) {
      case 'const_item':
        incompatible = `it has an associated const \`${slice(ctx, k.childForFieldName('name') ?? k)}\``;
        break;
      case 'associated_type': {
        if (selfSized(k)) break;
        const name = ident(slice(ctx, k.childForFieldName('name') ?? k));
        if (k.childForFieldName('type_parameters')) incompatible = `its associated type \`${name}\` has generic parameters`;
        else assoc.push(name);
        break;
      }
      case 'macro_invocation':
        unsure ??= `its body calls the macro \`${slice(ctx, k.childForFieldName('macro') ?? k)}!\``;
        break;
      case 'function_item':
      case 'function_signature_item': {
        if (selfSized(k)) break;
        const name = slice(ctx, k.childForFieldName('name') ?? k);
        if (k.children.some((c) => c.type === 'function_modifiers' && /\basync\b/.test(slice(ctx, c)))) {
          incompatible = `its method \`${name}\` is \`async\``;
          break;
        }
        if (k.childForFieldName('type_parameters')?.children.some((q) => q.type === 'type_parameter' || q.type === 'const_parameter')) {
          incompatible = `its method \`${name}\` has generic type parameters`;
          break;
        }
        const params = (k.childForFieldName('parameters')?.children ?? []).filter((q) => q.isNamed && q.type !== 'line_comment' && q.type !== 'block_comment' && q.type !== 'attribute_item');
        const first = params[0];
        const receiver = first?.type === 'self_parameter' || (first?.type === 'parameter' && first.childForFieldName('pattern')?.type === 'self') ? first : undefined;
        if (!receiver) {
          incompatible = `its associated function \`${name}\` has no \`self\` parameter`;
          break;
        }
        if (receiver.type === 'parameter') {
          const rt = receiver.childForFieldName('type');
          if (!rt || !dispatchable(rt, ctx, 0)) unsure ??= `the receiver of its method \`${name}\` (\`${rt ? slice(ctx, rt) : '?'}\`) is not judged here`;
        }
        const ret = k.childForFieldName('return_type');
        const others = [...params.filter((q) => q !== receiver).map((q) => q.childForFieldName('type') ?? q), ...(ret ? [ret] : [])];
        const selfIn = others.map((t) => mentionsSelf(t, ctx, traitName, 0));
        if (others.some((t) => hasNodeOfType(t, 'abstract_type', 0))) incompatible = `its method \`${name}\` takes or returns \`impl Trait\``;
        else if (selfIn.includes('yes')) incompatible = `its method \`${name}\` names \`Self\` outside its receiver`;
        else if (selfIn.includes('unsure')) unsure ??= `its method \`${name}\` names an associated type of \`Self\` through another trait`;
        // (`where Self: 'static` bounds a lifetime only, which rustc allows.)
        else if (k.children.some((w) => w.type === 'where_clause' && w.children.some((pr) => pr.type === 'where_predicate' && mentionsSelf(pr, ctx, traitName, 0) !== 'no' && !lifetimeOnly(pr)))) {
          unsure ??= `its method \`${name}\` bounds \`Self\` in a \`where\` clause`;
        }
        break;
      }
      default:
        break;
    }
    if (wasGated && (incompatible !== undefined || assoc.length > assocBefore || unsure !== unsureBefore)) {
      unsure ??= `an item of its body is behind \`#[cfg]\``;
      incompatible = undefined;
      assoc.length = assocBefore;
    }
  }
  if (!incompatible && !unsure && !assoc.length && !needsArgs) return undefined;
  return { ...(incompatible ? { incompatible } : {}), ...(unsure && !incompatible ? { unsure } : {}), ...(assoc.length ? { assocTypes: assoc } : {}), ...(needsArgs ? { needsArgs } : {}) };
}

/**
 * Whether a type names `Self` itself: `yes` for `Self` (in `Option<Self>`, `&Self`), `no` for none
 * or a projection `Self::Out` or `<Self as ThisTrait>::Out`; `unsure` for `<Self as Other>::Out`
 * (rustc refuses it unless `Other` is a supertrait).
 */
function mentionsSelf(n: Node, ctx: Ctx, traitName: string, depth: number): 'yes' | 'no' | 'unsure' {
  if (depth > 4 * MAX_NESTING) return 'unsure';
  if (n.type === 'type_identifier') return slice(ctx, n) === 'Self' ? 'yes' : 'no';
  if (n.type === 'scoped_type_identifier') return 'no';
  let out: 'yes' | 'no' | 'unsure' = 'no';
  if (n.type === 'qualified_type') {
    const ty = n.childForFieldName('type');
    const alias = n.childForFieldName('alias');
    if (ty && mentionsSelf(ty, ctx, traitName, depth + 1) !== 'no') {
      const tr = alias ? slice(ctx, alias).replace(/\s+/g, '').replace(/<[^]*$/, '').split('::').pop() : undefined;
      if (ty.type !== 'type_identifier' || tr !== traitName) out = 'unsure';
    }
    const inAlias = alias ? mentionsSelf(alias, ctx, traitName, depth + 1) : 'no';
    return inAlias === 'yes' ? 'yes' : inAlias === 'unsure' ? 'unsure' : out;
  }
  for (const k of n.children) {
    const r = mentionsSelf(k, ctx, traitName, depth + 1);
    if (r === 'yes') return 'yes';
    if (r === 'unsure') out = 'unsure';
  }
  return out;
}

/** A where predicate whose bounds are lifetimes only (`Self: 'static`). */
function lifetimeOnly(pred: Node): boolean {
  const b = pred.childForFieldName('bounds');
  return !!b && b.namedChildren.every((x) => x.type === 'lifetime' || x.type === 'line_comment' || x.type === 'block_comment');
}

function hasNodeOfType(n: Node, type: string, depth: number): boolean {
  if (depth > 4 * MAX_NESTING) return false;
  return n.type === type || n.children.some((k) => hasNodeOfType(k, type, depth + 1));
}

/** `Self`, `&Self`, `&mut Self`, `Box<Self>`, `Rc<Self>`, `Arc<Self>`, `Pin<P>` of one: a receiver a trait object dispatches on. */
function dispatchable(t: Node, ctx: Ctx, depth: number): boolean {
  if (depth > 4) return false;
  if (t.type === 'type_identifier') return slice(ctx, t) === 'Self';
  if (t.type === 'reference_type') {
    const inner = t.childForFieldName('type');
    return inner?.type === 'type_identifier' && slice(ctx, inner) === 'Self';
  }
  if (t.type !== 'generic_type') return false;
  const head = slice(ctx, t.childForFieldName('type') ?? t).replace(/\s+/g, '').split('::').pop()!;
  const args = (t.childForFieldName('type_arguments')?.namedChildren ?? []).filter((a) => a.type !== 'line_comment' && a.type !== 'block_comment');
  if (args.length !== 1) return false;
  if (head === 'Pin') return dispatchable(args[0]!, ctx, depth + 1);
  return DISPATCH_RECEIVERS.has(head) && args[0]!.type === 'type_identifier' && slice(ctx, args[0]!) === 'Self';
}

/** Std traits whose supertraits include `Sized`: `?Sized + Copy` is Sized. */
const SIZED_TRAITS: ReadonlySet<string> = new Set(['Sized', 'Copy', 'Clone', 'Default', 'From', 'Into', 'TryFrom', 'TryInto']);

/**
 * The associated types of a trait declared `?Sized` (`type Out: ?Sized;`), by name: `unsized`
 * when that is their only trait bound, `unsure` when other bounds may imply Sized or not (a
 * crate's trait may have `Sized` as a supertrait); `?Sized + Copy` is Sized.
 */
function unsizedAssocOf(trait: Node, ctx: Ctx): { unsized: string[]; unsure: string[] } {
  const out = { unsized: [] as string[], unsure: [] as string[] };
  const body = trait.childForFieldName('body');
  if (!body || !/\?\s*Sized/.test(slice(ctx, body))) return out;
  for (const k of body.children) {
    if (k.type !== 'associated_type') continue;
    const name = k.childForFieldName('name');
    const bounds = k.childForFieldName('bounds') ?? k.children.find((c) => c.type === 'trait_bounds');
    if (!name || !bounds || !hasMaybeSized(bounds, ctx)) continue;
    const others = bounds.namedChildren.filter((b) => b.type !== 'removed_trait_bound' && b.type !== 'lifetime' && b.type !== 'line_comment' && b.type !== 'block_comment');
    const names = others.map((b) => slice(ctx, b).replace(/\s+/g, '').replace(/<[^]*$/, '').split('::').pop()!);
    if (names.some((n) => SIZED_TRAITS.has(n))) continue;
    (others.length ? out.unsure : out.unsized).push(ident(slice(ctx, name)));
  }
  return out;
}

function hasMaybeSized(bounds: Node, ctx: Ctx): boolean {
  // cheap pre-check on the text before touching the children
  const s = slice(ctx, bounds);
  if (!s.includes('?')) return false;
  for (const b of bounds.children) {
    if (b.type === 'removed_trait_bound' && /Sized\s*$/.test(slice(ctx, b))) return true;
  }
  return false;
}

// ───────────────────────────── types ─────────────────────────────

function unknownType(ctx: Ctx, n: Node): TypeExpr {
  return { kind: 'unknown', text: short(ctx, n), span: span(n) };
}

/** Converts a type node. Malformed or unsupported syntax becomes `unknown`, never a guess. */
function typeExpr(n: Node, ctx: Ctx, depth: number): TypeExpr {
  if (depth > MAX_NESTING) return { kind: 'unknown', text: 'type nested too deeply', span: span(n) };
  const t = n.type;
  switch (t) {
    case 'primitive_type':
    case 'type_identifier': {
      const s = slice(ctx, n);
      if (!s) return { kind: 'unknown', text: '', span: span(n) };
      if (s === '_') return { kind: 'infer', span: span(n) };
      return { kind: 'path', segments: singleSegment(ident(s)), global: false, span: span(n) };
    }
    case 'scoped_type_identifier':
    case 'generic_type':
    case 'scoped_identifier':
    case 'identifier':
      return pathType(n, ctx, depth);
    case 'reference_type':
    case 'pointer_type': {
      const kids = n.children;
      let mutable = false;
      let inner: Node | undefined;
      for (const k of kids) {
        const kt = k.type;
        if (kt === 'mutable_specifier') mutable = true;
        else if (kt === '&' || kt === '*' || kt === 'const' || kt === 'lifetime') continue;
        else if (k.isNamed) inner = k;
      }
      const innerTy: TypeExpr = inner ? typeExpr(inner, ctx, depth + 1) : { kind: 'unknown', text: '', span: { start: n.endIndex, end: n.endIndex } };
      if (t === 'pointer_type') {
        // `*T` without const/mut is not valid Rust
        if (!kids.some((k) => k.type === 'const' || k.type === 'mutable_specifier')) return unknownType(ctx, n);
        return { kind: 'ptr', mutable, inner: innerTy, span: span(n) };
      }
      const lifetime = kids.find((k) => k.type === 'lifetime');
      const name = lifetime ? slice(ctx, lifetime).replace(/\s+/g, '').replace(/^'r#/, "'") : "'_";
      const elided = name === "'_";
      return { kind: 'ref', mutable, inner: innerTy, span: span(n), ...(elided ? { elided: true as const } : name !== "'static" ? { lifetime: name } : {}) };
    }
    case 'array_type': {
      let elem: Node | undefined;
      let len: Node | undefined;
      let semi = false;
      for (const k of n.children) {
        const kt = k.type;
        if (kt === ';') semi = true;
        else if (kt === '[' || kt === ']') continue;
        else if (!semi) elem ??= k;
        else len ??= k;
      }
      if (!elem || elem.endIndex === elem.startIndex) return unknownType(ctx, n);
      const elemTy = typeExpr(elem, ctx, depth + 1);
      if (!semi) return { kind: 'slice', elem: elemTy, span: span(n) };
      const lenExpr: ConstExpr = len && len.endIndex > len.startIndex ? constExpr(len, ctx, depth + 1) : { kind: 'unknown', text: '' };
      return { kind: 'array', elem: elemTy, len: lenExpr, span: span(n) };
    }
    case 'unit_type':
      // `(for<'a> Tr<'a> + Send)` of 2015 code parses as `(` ERROR `)`: not `()`.
      if (n.hasError) return unknownType(ctx, n);
      return { kind: 'tuple', elems: [], span: span(n) };
    case 'tuple_type': {
      const elems: TypeExpr[] = [];
      let comma = false;
      for (const k of n.children) {
        const kt = k.type;
        if (kt === ',') comma = true;
        if (kt === '(' || kt === ')' || kt === ',' || kt === 'line_comment' || kt === 'block_comment') continue;
        if (kt === 'ERROR') return unknownType(ctx, n);
        elems.push(typeExpr(k, ctx, depth + 1));
      }
      // `(T)` is a parenthesized type, not a 1-tuple (tree-sitter calls both tuple_type)
      if (elems.length === 1 && !comma) return elems[0]!;
      return { kind: 'tuple', elems, span: span(n) };
    }
    case 'function_type': {
      const kids = n.children;
      if (kids.some((k) => k.type === 'fn')) {
        const inner: TypeExpr[] = [];
        let variadic: 'rust' | 'other' | undefined;
        for (const p of n.childForFieldName('parameters')?.children ?? []) {
          if (!p.isNamed || p.type === 'line_comment' || p.type === 'block_comment' || p.type === 'attribute_item') continue;
          if (p.type === 'variadic_parameter') {
            // `...` needs a C-like ABI: `extern "C"`, or `extern` alone (E0045 for Rust's).
            const ext = kids.find((k) => k.type === 'function_modifiers')?.children.find((k) => k.type === 'extern_modifier');
            const abi = ext ? /"([^"]*)"/.exec(slice(ctx, ext))?.[1] : undefined;
            variadic = !ext || abi === 'Rust' ? 'rust' : abi === undefined || abi === 'C' || abi === 'C-unwind' ? undefined : 'other';
            continue;
          }
          const ty = p.type === 'parameter' ? p.childForFieldName('type') : p;
          if (ty) inner.push(typeExpr(ty, ctx, depth + 1));
        }
        const params = inner.length;
        const ret = n.childForFieldName('return_type');
        if (ret && ret.type !== 'never_type') inner.push(typeExpr(ret, ctx, depth + 1));
        const mods = kids.find((k) => k.type === 'function_modifiers');
        const ext = mods?.children.find((k) => k.type === 'extern_modifier');
        const abi = ext ? (/"([^"]*)"/.exec(slice(ctx, ext))?.[1] ?? 'C') : undefined;
        return {
          kind: 'fnptr', span: span(n), ...(inner.length ? { inner } : {}), params, ...(ret?.type === 'never_type' ? { retNever: true as const } : {}),
          ...(mods && /\bunsafe\b/.test(slice(ctx, mods)) ? { unsafe: true as const } : {}), ...(abi !== undefined ? { abi } : {}),
          ...(variadic ? { variadic } : {}), ...typeLifetimes(n, ctx),
        };
      }
      // `Fn(u8) -> u8` written as a bare trait object
      const inner: TypeExpr[] = [];
      const sugar: FnSugar[] = [];
      boundInnerTypes(n, ctx, depth, inner, sugar);
      return { kind: 'dyn', bounds: [boundName(slice(ctx, n))], ...(inner.length ? { inner } : {}), ...typeLifetimes(n, ctx), ...(sugar.length ? { fnSugar: sugar } : {}), bare: true, span: span(n) };
    }
    case 'never_type':
      return { kind: 'never', span: span(n) };
    case 'abstract_type':
      return { kind: 'impl', span: span(n) };
    case 'dynamic_type':
    case 'bounded_type': {
      const bounds: string[] = [];
      const args: string[] = [];
      const inner: TypeExpr[] = [];
      const lifetimes: string[] = [];
      const sugar: FnSugar[] = [];
      if (collectBounds(n, ctx, bounds, args, depth, inner, lifetimes, sugar)) return { kind: 'impl', span: span(n) };
      const written = dynArgs(args);
      return {
        kind: 'dyn', bounds, ...(written ? { args: written } : {}), ...(inner.length ? { inner } : {}), ...typeLifetimes(n, ctx), ...(lifetimes.length ? { objectLifetime: lifetimes[0]! } : {}), ...(lifetimes.length > 1 ? { secondLifetime: lifetimes[1]! } : {}),
        ...(sugar.length ? { fnSugar: sugar } : {}),
        ...(/^dyn\b/.test(slice(ctx, n)) ? {} : { bare: true as const }), span: span(n),
      };
    }
    case 'macro_invocation':
      return { kind: 'macro', text: short(ctx, n), span: span(n) };
    default:
      return unknownType(ctx, n);
  }
}

/** Collects trait bound names of a `dyn`/bounded type; returns true if it is an `impl` type. */
function collectBounds(n: Node, ctx: Ctx, out: string[], args: string[], depth: number, inner: TypeExpr[], lifetimes: string[], sugar: FnSugar[]): boolean {
  if (depth > MAX_NESTING) return false;
  let isImpl = false;
  for (const written of n.children) {
    const k = unparenthesized(written);
    const kt = k.type;
    if (kt === 'lifetime') lifetimes.push(lifetimeOf(k, ctx));
    if (kt === 'dyn' || kt === '+' || kt === 'lifetime' || kt === '(' || kt === ')') continue;
    if (kt === 'dynamic_type' || kt === 'bounded_type') {
      if (collectBounds(k, ctx, out, args, depth + 1, inner, lifetimes, sugar)) isImpl = true;
    } else if (kt === 'abstract_type') isImpl = true;
    else if (k.isNamed) {
      const text = slice(ctx, k);
      out.push(boundName(text));
      args.push(boundArgs(text));
      boundInnerTypes(k, ctx, depth, inner, sugar);
    }
  }
  return isImpl;
}

/** A bound written in parentheses (`dyn (Kind)`, uom's): tree-sitter reads it as a tuple type of one element. */
function unparenthesized(k: Node): Node {
  let cur = k;
  while (cur.type === 'tuple_type' && cur.namedChildCount === 1 && !cur.children.some((c) => c.type === ',')) cur = cur.namedChildren[0]!;
  return cur;
}

/**
 * The types written inside one bound of a trait object (the model's dyn `inner`): its path's
 * generic arguments and bindings, then an `Fn(..) -> R` signature's parameters and return type.
 */
function boundInnerTypes(k: Node, ctx: Ctx, depth: number, out: TypeExpr[], sugar?: FnSugar[]): void {
  if (k.type === 'higher_ranked_trait_bound') {
    const t = k.childForFieldName('type');
    if (t) boundInnerTypes(t, ctx, depth, out, sugar);
    return;
  }
  if (k.type === 'function_type') {
    const tr = k.childForFieldName('trait');
    if (tr) pathArgTypes(typeExpr(tr, ctx, depth + 1), out);
    const at = out.length;
    for (const p of k.childForFieldName('parameters')?.children ?? []) {
      if (!p.isNamed || p.type === 'line_comment' || p.type === 'block_comment' || p.type === 'attribute_item' || p.type === 'variadic_parameter') continue;
      const ty = p.type === 'parameter' ? p.childForFieldName('type') : p;
      if (ty) out.push(typeExpr(ty, ctx, depth + 1));
    }
    const params = out.length - at;
    const ret = k.childForFieldName('return_type');
    if (ret && ret.type !== 'never_type') out.push(typeExpr(ret, ctx, depth + 1));
    sugar?.push({ at, params, ret: out.length > at + params });
    return;
  }
  if (k.type === 'generic_type' || k.type === 'scoped_type_identifier') pathArgTypes(typeExpr(k, ctx, depth + 1), out);
}

interface MutSeg {
  name: string;
  args: readonly GenericArg[];
}

function pathType(n: Node, ctx: Ctx, depth: number): TypeExpr {
  const segs: MutSeg[] = [];
  const st: PathState = { global: false, qualified: false };
  pushPath(n, ctx, segs, st, depth, true);
  return {
    kind: 'path',
    segments: segs.length === 1 && segs[0]!.args.length === 0 ? singleSegment(segs[0]!.name) : (segs as PathSegment[]),
    global: st.global,
    ...(st.qualified ? { qualified: true } : {}),
    ...(st.qself ? { qself: st.qself } : {}),
    span: span(n),
  };
}

interface PathState {
  global: boolean;
  qualified: boolean;
  qself?: { readonly ty: TypeExpr; readonly trait?: string; readonly traitRegions?: true; readonly traitArgs?: readonly GenericArg[] };
}

/** `<T as Trait>` (or `<T>`) at the head of a path: its self type and the trait's last segment. */
function qualifiedSelf(n: Node, ctx: Ctx, depth: number): PathState['qself'] {
  const inner = n.namedChildren.find((k) => k.type !== 'line_comment' && k.type !== 'block_comment');
  if (!inner) return undefined;
  if (inner.type !== 'qualified_type') return { ty: typeExpr(inner, ctx, depth + 1) };
  const ty = inner.childForFieldName('type');
  const alias = inner.childForFieldName('alias');
  if (!ty || !alias) return undefined;
  const traitText = slice(ctx, alias);
  const trait = traitLastSegment(traitText);
  const self = typeExpr(ty, ctx, depth + 1);
  const tp = typeExpr(alias, ctx, depth + 1);
  const traitArgs = tp.kind === 'path' ? tp.segments[tp.segments.length - 1]?.args : undefined;
  return { ty: self, ...(trait ? { trait } : {}), ...(traitPathHasRegions(traitText) ? { traitRegions: true as const } : {}), ...(traitArgs?.length ? { traitArgs } : {}) };
}

function pushPath(
  n: Node,
  ctx: Ctx,
  segs: MutSeg[],
  st: PathState,
  depth: number,
  outermost: boolean,
): void {
  if (depth > MAX_NESTING) {
    segs.push({ name: '…', args: EMPTY });
    st.qualified = true;
    return;
  }
  switch (n.type) {
    case 'scoped_identifier':
    case 'scoped_type_identifier': {
      const kids = n.children;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i]!;
        if (k.type === '::') {
          if (i === 0 && segs.length === 0) st.global = true;
          continue;
        }
        pushPath(k, ctx, segs, st, depth + 1, false);
      }
      return;
    }
    case 'generic_type':
    case 'generic_function':
    case 'generic_type_with_turbofish': {
      let argsNode: Node | undefined;
      for (const k of n.children) {
        if (k.type === 'type_arguments') argsNode = k;
        else if (k.type !== '::' && k.isNamed) pushPath(k, ctx, segs, st, depth + 1, false);
      }
      if (argsNode && segs.length) {
        const last = segs[segs.length - 1]!;
        last.args = genericArgs(argsNode, ctx, depth + 1);
      }
      return;
    }
    case 'bracketed_type':
      st.qualified = true;
      // Only at the head of the path (`<T as Trait>::Assoc`): its self type and trait.
      if (segs.length === 0) st.qself = qualifiedSelf(n, ctx, depth);
      segs.push({ name: short(ctx, n), args: EMPTY });
      return;
    default: {
      const s = slice(ctx, n);
      if (!outermost && !s) return;
      segs.push({ name: ident(s), args: EMPTY });
      return;
    }
  }
}

const LITERALS: ReadonlySet<string> = new Set([
  'integer_literal',
  'boolean_literal',
  'char_literal',
  'float_literal',
  'string_literal',
  'raw_string_literal',
  'negative_literal',
]);

function genericArgs(n: Node, ctx: Ctx, depth: number): GenericArg[] {
  if (emptyArgs(n)) return [];
  const out: GenericArg[] = [];
  let negate = false;
  for (const k of n.children) {
    const t = k.type;
    switch (t) {
      case '<':
      case '>':
      case ',':
      case 'line_comment':
      case 'block_comment':
      case 'trait_bounds': // `Foo<T: Bound>` associated constraint
        continue;
      case 'lifetime':
        out.push({ kind: 'lifetime', name: slice(ctx, k).replace(/^'r#/, "'") });
        continue;
      case 'type_binding': {
        const kids = k.children;
        const name = kids[0] ? ident(slice(ctx, kids[0])) : '';
        let ty: Node | undefined;
        let afterEq = false;
        for (const q of kids) {
          if (q.type === '=') afterEq = true;
          else if (afterEq) ty ??= q;
        }
        out.push({ kind: 'binding', name, ty: ty ? typeExpr(ty, ctx, depth + 1) : unknownType(ctx, k) });
        continue;
      }
      case 'block':
        out.push({ kind: 'const', value: constExpr(k, ctx, depth + 1) });
        continue;
      case 'ERROR':
        // tree-sitter-rust does not parse `Foo<-1>`: it yields ERROR(`-`) + literal
        if (slice(ctx, k).trim() === '-') negate = true;
        else out.push({ kind: 'type', ty: unknownType(ctx, k) });
        continue;
    }
    if (LITERALS.has(t)) {
      const v = constExpr(k, ctx, depth + 1);
      out.push({ kind: 'const', value: negate ? { kind: 'unary', op: '-', operand: v } : v });
      negate = false;
      continue;
    }
    if (!k.isNamed) continue;
    out.push({ kind: 'type', ty: typeExpr(k, ctx, depth + 1) });
  }
  return out;
}

// ───────────────────────────── constant expressions ─────────────────────────────

const BIN_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '<', '>', '<=', '>=', '==', '!=', '&&', '||']);

function unknownExpr(ctx: Ctx, n: Node): ConstExpr {
  return { kind: 'unknown', text: short(ctx, n) };
}

function constExpr(n: Node, ctx: Ctx, depth: number): ConstExpr {
  if (depth > MAX_NESTING) return { kind: 'unknown', text: 'expression nested too deeply' };
  switch (n.type) {
    case 'integer_literal': {
      const text = slice(ctx, n);
      const value = parseIntLiteral(text);
      return value === undefined ? { kind: 'unknown', text } : { kind: 'int', value, text };
    }
    case 'negative_literal': {
      const kids = n.children;
      const lit = kids[kids.length - 1];
      if (!lit) return unknownExpr(ctx, n);
      return { kind: 'unary', op: '-', operand: constExpr(lit, ctx, depth + 1) };
    }
    case 'boolean_literal':
      return { kind: 'bool', value: slice(ctx, n) === 'true' };
    case 'char_literal': {
      const text = slice(ctx, n);
      const value = parseCharLiteral(text);
      return value === undefined ? { kind: 'unknown', text } : { kind: 'int', value, text };
    }
    case 'identifier':
    case 'scoped_identifier':
    case 'self':
    case 'crate':
    case 'super': {
      const path: string[] = [];
      const global = simplePath(n, ctx, path);
      return { kind: 'path', path, text: short(ctx, n), ...(global ? { global: true as const } : {}) };
    }
    case 'unary_expression': {
      const kids = n.children;
      const op = kids[0]?.type;
      const operand = kids[1];
      if ((op !== '-' && op !== '!') || !operand) return unknownExpr(ctx, n);
      return { kind: 'unary', op, operand: constExpr(operand, ctx, depth + 1) };
    }
    case 'binary_expression': {
      const kids = n.children;
      if (kids.length !== 3) return unknownExpr(ctx, n);
      const op = kids[1]!.type;
      if (!BIN_OPS.has(op)) return unknownExpr(ctx, n);
      return {
        kind: 'binary',
        op: op as '+',
        left: constExpr(kids[0]!, ctx, depth + 1),
        right: constExpr(kids[2]!, ctx, depth + 1),
      };
    }
    case 'const_block':
    case 'unsafe_block': {
      // `[u8; const { 2 + 3 }]`, `unsafe { N }`: the block's value.
      const body = n.childForFieldName('body') ?? n.namedChildren.find((k) => k.type === 'block');
      return body ? constExpr(body, ctx, depth + 1) : unknownExpr(ctx, n);
    }
    case 'parenthesized_expression': {
      const inner = n.children.filter((k) => k.type !== '(' && k.type !== ')' && k.type !== 'line_comment' && k.type !== 'block_comment');
      if (inner.length !== 1) return unknownExpr(ctx, n);
      const e = constExpr(inner[0]!, ctx, depth + 1);
      return e.kind === 'path' ? { ...e, parenthesized: true } : e;
    }
    case 'block': {
      const inner = n.children.filter((k) => k.type !== '{' && k.type !== '}' && k.type !== 'line_comment' && k.type !== 'block_comment');
      if (inner.length === 1) return constExpr(inner[0]!, ctx, depth + 1);
      // `{ let x: u32 = V; let y = x - 1; y }`: `let` statements, then the value.
      const tail = inner[inner.length - 1];
      if (inner.length < 2 || !tail || tail.type === 'let_declaration' || tail.type === 'empty_statement') return unknownExpr(ctx, n);
      const lets: ConstLet[] = [];
      for (const k of inner.slice(0, -1)) {
        const l = constLet(k, ctx, depth + 1);
        if (!l) return unknownExpr(ctx, n);
        lets.push(l);
      }
      return { kind: 'block', lets, value: constExpr(tail, ctx, depth + 1), text: short(ctx, n) };
    }
    case 'match_expression': {
      const scrutinee = n.childForFieldName('value');
      const body = n.childForFieldName('body');
      if (!scrutinee || !body) return unknownExpr(ctx, n);
      const arms: ConstArm[] = [];
      for (const a of body.namedChildren) {
        if (!a || a.type === 'line_comment' || a.type === 'block_comment') continue;
        const pat = a.type === 'match_arm' ? a.childForFieldName('pattern') : null;
        const value = a.type === 'match_arm' ? a.childForFieldName('value') : null;
        // An arm with a guard (`1 if c =>`) or attributes is not read.
        if (!pat || !value || pat.childForFieldName('condition') || a.namedChildren.some((k) => k?.type === 'attribute_item')) return unknownExpr(ctx, n);
        const inner = pat.namedChildren.filter((k) => k.type !== 'line_comment' && k.type !== 'block_comment');
        const pats: ConstPat[] = [];
        if (inner.length === 0 && pat.children.some((k) => k.type === '_')) pats.push({ kind: 'wild' });
        else if (inner.length === 1) constPats(inner[0]!, ctx, depth + 1, pats);
        else return unknownExpr(ctx, n);
        arms.push({ pats, value: constExpr(value, ctx, depth + 1) });
      }
      return { kind: 'match', scrutinee: constExpr(scrutinee, ctx, depth + 1), arms, text: short(ctx, n) };
    }
    case 'string_literal':
    case 'raw_string_literal': {
      const text = slice(ctx, n);
      const lit = stringLiteralLen(text);
      return lit ? { kind: 'str', len: lit.len, bytes: lit.bytes, text: short(ctx, n) } : unknownExpr(ctx, n);
    }
    case 'array_expression': {
      const len = n.childForFieldName('length');
      if (n.namedChildCount > MAX_ARRAY_ELEMS) return unknownExpr(ctx, n);
      const elems = n.namedChildren.filter((k) => k.type !== 'line_comment' && k.type !== 'block_comment' && k.type !== 'attribute_item');
      if (len) {
        const elem = elems[0];
        if (elems.length !== 2 || !elem || elem.equals(len)) return unknownExpr(ctx, n);
        return { kind: 'repeat', elem: constExpr(elem, ctx, depth + 1), count: constExpr(len, ctx, depth + 1), text: short(ctx, n) };
      }
      // Long tables stay unread (each element would be lowered): counted without building their nodes.
      if (n.namedChildCount > MAX_ARRAY_ELEMS || elems.length !== n.namedChildCount) return unknownExpr(ctx, n);
      return { kind: 'array', elems: elems.map((k) => constExpr(k, ctx, depth + 1)), text: short(ctx, n) };
    }
    case 'reference_expression': {
      const value = n.childForFieldName('value');
      if (!value || n.children.some((k) => k.type === 'mutable_specifier')) return unknownExpr(ctx, n);
      const inner = constExpr(value, ctx, depth + 1);
      return inner.kind === 'str' || inner.kind === 'array' || inner.kind === 'repeat' ? { kind: 'ref', expr: inner, text: short(ctx, n) } : unknownExpr(ctx, n);
    }
    case 'type_cast_expression': {
      const kids = n.children;
      const value = kids[0];
      const ty = kids[kids.length - 1];
      if (kids.length !== 3 || !value || !ty) return unknownExpr(ctx, n);
      return { kind: 'cast', expr: constExpr(value, ctx, depth + 1), ty: typeExpr(ty, ctx, depth + 1) };
    }
    case 'expression_statement': {
      // a block's tail `if` parses as a statement (without a `;` it is still the block's value)
      const kids = n.children;
      if (kids.length !== 1) return unknownExpr(ctx, n);
      return constExpr(kids[0]!, ctx, depth + 1);
    }
    case 'if_expression': {
      // `if c { a } else { b }` (an `else if` chain nests)
      const cond = n.childForFieldName('condition');
      const then = n.childForFieldName('consequence');
      const alt = n.childForFieldName('alternative');
      const els = alt?.namedChildren.find((k) => k !== null && (k.type === 'block' || k.type === 'if_expression'));
      if (!cond || !then || !els || cond.type === 'let_condition' || cond.type === 'let_chain') return unknownExpr(ctx, n);
      return { kind: 'if', cond: constExpr(cond, ctx, depth + 1), then: constExpr(then, ctx, depth + 1), else: constExpr(els, ctx, depth + 1) };
    }
    case 'call_expression': {
      const kids = n.children;
      const fn = kids[0];
      const args = kids[1];
      if (fn && args && args.type === 'arguments' && fn.type !== 'generic_function') return callExpr(n, fn, args, ctx, depth);
      if (!fn || !args || fn.type !== 'generic_function' || args.type !== 'arguments') return unknownExpr(ctx, n);
      const callee = pathType(fn, ctx, depth + 1);
      if (callee.kind !== 'path' || callee.qualified) return unknownExpr(ctx, n);
      const last = callee.segments[callee.segments.length - 1];
      // `gsz::<u64>()`: a function called with a turbofish on its last segment (the crate's generic `const fn`).
      if (last && last.name !== 'size_of' && last.name !== 'align_of' && !callee.global && callee.segments.slice(0, -1).every((x) => !x.args.length)) {
        const call = callExpr(n, fn.childForFieldName('function') ?? fn, args, ctx, depth);
        return call.kind === 'call' ? { ...call, typeArgs: last.args } : unknownExpr(ctx, n);
      }
      if (args.namedChildCount !== 0) return unknownExpr(ctx, n);
      if (!last || (last.name !== 'size_of' && last.name !== 'align_of')) return unknownExpr(ctx, n);
      const targs = last.args;
      const arg = targs[0];
      if (targs.length !== 1 || !arg || arg.kind !== 'type') return unknownExpr(ctx, n);
      const callPath = callee.segments.map((x) => x.name);
      return { kind: last.name === 'size_of' ? 'sizeOf' : 'alignOf', ty: arg.ty, callee: callPath, ...(callee.global ? { global: true as const } : {}) };
    }
    default:
      return unknownExpr(ctx, n);
  }
}

/** Array expressions longer than this are not lowered (`unknown`): a table's `.len()` is not read. */
const MAX_ARRAY_ELEMS = 256;

/** `let x: T = v;` or `let mut x = v;` in a constant's block; undefined for any other statement. */
function constLet(n: Node, ctx: Ctx, depth: number): ConstLet | undefined {
  if (n.type !== 'let_declaration' || n.childForFieldName('alternative')) return undefined;
  const pat = n.childForFieldName('pattern');
  const value = n.childForFieldName('value');
  if (!pat || !value || pat.type !== 'identifier') return undefined;
  if (n.namedChildren.some((k) => k !== null && (k.type === 'attribute_item' || k.type === 'line_comment' || k.type === 'block_comment'))) return undefined;
  const ty = n.childForFieldName('type');
  return { name: ident(slice(ctx, pat)), ...(ty ? { ty: typeExpr(ty, ctx, depth + 1) } : {}), value: constExpr(value, ctx, depth + 1) };
}

/** A `match` arm's pattern (the alternatives of `a | b` each pushed). */
function constPats(n: Node, ctx: Ctx, depth: number, out: ConstPat[]): void {
  if (depth > MAX_NESTING) {
    out.push({ kind: 'unknown', text: 'pattern nested too deeply' });
    return;
  }
  switch (n.type) {
    case 'or_pattern':
      for (const k of n.children) {
        if (k.type === '_') out.push({ kind: 'wild' });
        else if (k.isNamed && k.type !== 'line_comment' && k.type !== 'block_comment') constPats(k, ctx, depth + 1, out);
      }
      return;
    case 'integer_literal':
    case 'negative_literal':
    case 'char_literal':
    case 'boolean_literal':
      out.push({ kind: 'lit', value: constExpr(n, ctx, depth + 1) });
      return;
    case 'identifier':
    case 'scoped_identifier': {
      const path: string[] = [];
      const global = simplePath(n, ctx, path);
      out.push({ kind: 'path', path, text: short(ctx, n), ...(global ? { global: true as const } : {}) });
      return;
    }
    case 'range_pattern': {
      const lo = n.childForFieldName('left');
      const hi = n.childForFieldName('right');
      const op = n.children.find((k) => k.type === '..=' || k.type === '..' || k.type === '...');
      const end = (k: Node): ConstExpr | undefined => {
        const e = k.type === 'identifier' || k.type === 'scoped_identifier' || k.type === 'integer_literal' || k.type === 'negative_literal' || k.type === 'char_literal' ? constExpr(k, ctx, depth + 1) : undefined;
        return e && e.kind !== 'unknown' ? e : undefined;
      };
      const l = lo ? end(lo) : undefined;
      const h = hi ? end(hi) : undefined;
      if (!op || op.type === '...' || (lo && !l) || (hi && !h) || (!lo && !hi)) break;
      out.push({ kind: 'range', ...(l ? { lo: l } : {}), ...(h ? { hi: h } : {}), inclusive: op.type === '..=', text: short(ctx, n) });
      return;
    }
  }
  out.push({ kind: 'unknown', text: short(ctx, n) });
}

/** `path(args)` or `receiver.method(args)` (no turbofish): the callee read, the arguments too. */
function callExpr(n: Node, fn: Node, argList: Node, ctx: Ctx, depth: number): ConstExpr {
  const args: ConstExpr[] = [];
  for (const a of argList.namedChildren) {
    if (!a || a.type === 'line_comment' || a.type === 'block_comment') continue;
    args.push(constExpr(a, ctx, depth + 1));
  }
  const text = short(ctx, n);
  if (fn.type === 'field_expression') {
    const receiver = fn.childForFieldName('value');
    const field = fn.childForFieldName('field');
    if (!receiver || !field || field.type !== 'field_identifier') return unknownExpr(ctx, n);
    return { kind: 'method', receiver: constExpr(receiver, ctx, depth + 1), name: slice(ctx, field), args, text };
  }
  if (fn.type !== 'identifier' && fn.type !== 'scoped_identifier') return unknownExpr(ctx, n);
  const callee: string[] = [];
  if (simplePath(fn, ctx, callee)) return unknownExpr(ctx, n);
  return { kind: 'call', callee, args, text };
}

// ───────────────────────────── problems ─────────────────────────────

/** Records ERROR and MISSING nodes inside an item (never inside fn/impl bodies). */
function scanProblems(n: Node, ctx: Ctx, depth: number): void {
  if (depth > MAX_NESTING) return;
  const t = n.type;
  if (t === 'ERROR') {
    problem(ctx, 'syntax error', errorSpan(n, ctx));
    return;
  }
  if (n.isMissing) {
    problem(ctx, `missing \`${t}\``, span(n));
    return;
  }
  if (t === 'block' || t === 'declaration_list') return;
  if (n.childCount > 64) {
    // big initializers: let tree-sitter find the ERROR nodes in C instead of walking them here
    for (const e of n.descendantsOfType('ERROR')) problem(ctx, 'syntax error', errorSpan(e, ctx));
    return;
  }
  for (const k of n.children) {
    if (k.hasError) scanProblems(k, ctx, depth + 1);
  }
}

// ──────────────────────── items of some top-level nodes (src/incremental) ────────────────────────

/** Top-level nodes that belong to the item after them (attributes, doc comments; plain comments too, to be safe). */
const ATTACHED: ReadonlySet<string> = new Set(['attribute_item', 'line_comment', 'block_comment']);

/** Whether what comes after a top-level node of this type may take it (or what it lets through) into its item. */
export function carriesOver(type: string): boolean {
  return ATTACHED.has(type) || type === 'inner_attribute_item';
}

/**
 * The first top-level node of the item `n` starts: back over the attributes and comments before
 * it, and over inner attributes too when outer attributes or doc comments come before them (the
 * item takes those: an inner attribute does not end what is pending).
 */
export function itemStart(n: Node): Node {
  let first = n;
  let pastInner = false;
  for (let b = n.previousSibling; b && carriesOver(b.type); b = b.previousSibling) {
    if (b.type === 'inner_attribute_item') pastInner = true;
    else if (!pastInner || b.type === 'attribute_item' || b.childForFieldName('outer')) first = b;
  }
  return first;
}

/**
 * The items of some top-level nodes of `text`'s tree (consecutive ones, from a whole file's
 * tree or from the parse of a region of it), as `extractFile` would give them; undefined when
 * any of them has a syntax problem. src/incremental/extraction.ts splices them into an earlier
 * version's model.
 */
export function extractItemsOf(nodes: readonly Node[], text: string, types: readonly string[]): Item[] | undefined {
  const ctx: Ctx = {
    text,
    problems: [],
    fast: true,
    types,
    treeHasError: false,
    lineOf: lineCounter(text),
    stats: undefined,
    onBail: undefined,
    traitField: nodes[0]?.tree.language.fieldIdForName('trait') ?? -1,
    bodyField: nodes[0]?.tree.language.fieldIdForName('body') ?? -1,
  };
  const items: Item[] = [];
  const raw: number[] = [];
  for (const node of nodes) {
    const cur = node.walk();
    try {
      if (!visitChild(cur, ctx, 0, 'items', items, undefined, false, raw)) raw.length = 0;
    } finally {
      cur.delete();
    }
  }
  return ctx.problems.length ? undefined : items;
}
