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
import type { Node, Tree } from 'web-tree-sitter';
import type {
  Attribute,
  CfgPredicate,
  ConstDef,
  ConstExpr,
  EnumDef,
  FieldDef,
  GenericArg,
  GenericParam,
  Generics,
  Item,
  ItemCommon,
  ModDef,
  PathSegment,
  Repr,
  Shape,
  SourceFile,
  Span,
  StructDef,
  SyntaxProblem,
  TraitDef,
  TypeAliasDef,
  TypeExpr,
  UnionDef,
  UseEntry,
  VariantDef,
} from '../core/model';
import { emptyRepr, keyValueString, mergeRepr, parseCfgAttr, tokenize, type MutableRepr } from './attrs';

/** Nesting deeper than this (types, expressions, modules) becomes `unknown` instead of recursing. */
export const MAX_NESTING = 1000;
const SHORT_TEXT = 200;

interface Ctx {
  readonly text: string;
  readonly problems: SyntaxProblem[];
}

/** Attributes and doc comments seen before the item they belong to. */
interface Pending {
  start: number;
  attrs: Attribute[];
  docs: string[];
  cfg: CfgPredicate[];
  repr: MutableRepr | undefined;
  pathAttr: string | undefined;
}

function newPending(): Pending {
  return { start: -1, attrs: [], docs: [], cfg: [], repr: undefined, pathAttr: undefined };
}

const EMPTY_REPR: Repr = Object.freeze({ c: false, transparent: false, simd: false, unknown: Object.freeze([]) as readonly string[] });
const NO_GENERICS: Generics = Object.freeze({ params: Object.freeze([]) as readonly GenericParam[] });

function span(n: Node): Span {
  return { start: n.startIndex, end: n.endIndex };
}

function slice(ctx: Ctx, n: Node): string {
  return ctx.text.slice(n.startIndex, n.endIndex);
}

/** Node text for diagnostics/unknowns: bounded, so a huge node costs nothing. */
function short(ctx: Ctx, n: Node): string {
  const start = n.startIndex;
  const end = n.endIndex;
  if (end - start <= SHORT_TEXT) return ctx.text.slice(start, end);
  return ctx.text.slice(start, start + SHORT_TEXT) + '…';
}

function ident(s: string): string {
  return s.startsWith('r#') ? s.slice(2) : s;
}

function problem(ctx: Ctx, message: string, sp: Span): void {
  ctx.problems.push({ message, span: sp });
}

/** Extracts every layout-relevant item of a parsed file. Never throws on malformed input. */
export function extractFile(tree: Tree, text: string, path: string): SourceFile {
  const ctx: Ctx = { text, problems: [] };
  const items: Item[] = [];
  const innerAttrs: Attribute[] = [];
  const root = tree.rootNode;
  // tree-sitter makes the root itself an ERROR node when it cannot recover
  if (root.type === 'ERROR') problem(ctx, 'syntax error', errorSpan(root, ctx));
  extractItems(root, ctx, 0, 'items', items, innerAttrs, false);
  return { path, items, problems: ctx.problems, innerAttrs };
}

// ───────────────────────────── attributes and docs ─────────────────────────────

function attrInnerText(raw: string): string {
  let s = raw.replace(/^#\s*!?\s*\[/, '');
  if (s.endsWith(']')) s = s.slice(0, -1);
  return s.trim();
}

const ATTR_NAME = /^\s*((?:r#)?[A-Za-z_][A-Za-z0-9_]*(?:\s*::\s*(?:r#)?[A-Za-z_][A-Za-z0-9_]*)*)/;

function makeAttribute(ctx: Ctx, n: Node): Attribute {
  const text = attrInnerText(slice(ctx, n));
  const m = ATTR_NAME.exec(text);
  const name = m ? m[1]!.replace(/\s+/g, '') : '';
  return { name, text, span: span(n) };
}

function addAttr(p: Pending, ctx: Ctx, n: Node): void {
  if (p.start < 0) p.start = n.startIndex;
  const a = makeAttribute(ctx, n);
  p.attrs.push(a);
  switch (a.name) {
    case 'doc': {
      const v = keyValueString(a.text);
      if (v !== undefined) p.docs.push(v);
      break;
    }
    case 'cfg':
      p.cfg.push(parseCfgAttr(a.text));
      break;
    case 'repr':
      mergeRepr((p.repr ??= emptyRepr()), a.text);
      break;
    case 'path': {
      const v = keyValueString(a.text);
      if (v !== undefined) p.pathAttr = v;
      break;
    }
  }
}

/** Outer doc comment text (`///` lines, `/** ... *\/` blocks) with markers stripped, or undefined. */
export function outerDocText(raw: string): string | undefined {
  if (raw.startsWith('///')) {
    if (raw.startsWith('////')) return undefined;
    let s = raw.slice(3).replace(/\r?\n$/, '');
    if (s.startsWith(' ')) s = s.slice(1);
    return s;
  }
  if (raw.startsWith('/**')) {
    if (raw.startsWith('/***') || raw === '/**/') return undefined;
    let s = raw.slice(3);
    if (s.endsWith('*/')) s = s.slice(0, -2);
    const lines = s.split(/\r?\n/);
    const out = lines.map((l, i) => (i === 0 ? l : l.replace(/^\s*\* ?/, '')));
    while (out.length > 1 && out[0]!.trim() === '') out.shift();
    while (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
    const joined = out.join('\n').trimEnd();
    return joined.startsWith(' ') ? joined.slice(1) : joined;
  }
  return undefined;
}

function addComment(p: Pending, ctx: Ctx, n: Node): void {
  const start = n.startIndex;
  const c2 = ctx.text.charCodeAt(start + 2);
  if (c2 !== 47 /* / */ && c2 !== 42 /* * */) return; // plain `//` or `/*`
  const doc = outerDocText(slice(ctx, n));
  if (doc === undefined) return;
  if (p.start < 0) p.start = start;
  p.docs.push(doc);
}

function visText(ctx: Ctx, n: Node): string {
  return slice(ctx, n)
    .replace(/\s+/g, ' ')
    .replace(/\(\s*/g, '(')
    .replace(/\s*\)/g, ')')
    .replace(/ *\( */g, '(');
}

// ───────────────────────────── items ─────────────────────────────

type Mode = 'items' | 'recover';

function extractItems(
  container: Node,
  ctx: Ctx,
  depth: number,
  mode: Mode,
  out: Item[],
  inner: Attribute[] | undefined,
  inError: boolean,
): void {
  if (depth > MAX_NESTING) {
    problem(ctx, 'modules nested too deeply to analyse', span(container));
    return;
  }
  const kids = container.children;
  const containerHasError = container.hasError;
  let p = newPending();
  for (const c of kids) {
    const t = c.type;
    switch (t) {
      case 'attribute_item':
        addAttr(p, ctx, c);
        continue;
      case 'line_comment':
      case 'block_comment':
        addComment(p, ctx, c);
        continue;
      case 'inner_attribute_item':
        if (inner) inner.push(makeAttribute(ctx, c));
        continue;
      case 'struct_item':
      case 'union_item':
      case 'enum_item':
      case 'type_item':
      case 'const_item':
      case 'static_item':
      case 'use_declaration':
      case 'extern_crate_declaration': {
        const item = simpleItem(t, c, p, ctx);
        if (item) out.push(item);
        if (c.hasError) scanProblems(c, ctx, 0);
        break;
      }
      case 'mod_item': {
        const item = modItem(c, p, ctx, depth);
        if (item) out.push(item);
        break;
      }
      case 'trait_item': {
        const kidsT = c.children;
        const nameNode = kidsT.find((k) => k.type === 'type_identifier');
        if (nameNode && nameNode.endIndex > nameNode.startIndex) {
          const tr: TraitDef = { kind: 'trait', ...common(c, kidsT, nameNode, p, ctx) };
          out.push(tr);
        }
        recoverUnclosedBody(c, kidsT, ctx, depth, out);
        break;
      }
      case 'function_item':
      case 'impl_item':
      case 'foreign_mod_item':
        if (c.hasError) recoverUnclosedBody(c, c.children, ctx, depth, out);
        break;
      case 'macro_invocation':
        if (mode === 'items') out.push(macroItem(c, p, ctx));
        break;
      case 'expression_statement':
        if (mode === 'items') {
          const first = c.firstChild;
          if (first && first.type === 'macro_invocation') out.push(macroItem(first, p, ctx));
        }
        break;
      case 'ERROR':
        if (!inError) problem(ctx, 'syntax error', errorSpan(c, ctx));
        extractItems(c, ctx, depth + 1, mode, out, undefined, true);
        break;
      default:
        if (containerHasError && !inError && c.isMissing) {
          problem(ctx, `missing \`${t}\``, span(c));
        }
        // tokens (`{`, `}`, `;`) and items that carry no layout information
        break;
    }
    p = newPending();
  }
}

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
function recoverUnclosedBody(c: Node, kids: Node[], ctx: Ctx, depth: number, out: Item[]): void {
  const body = kids[kids.length - 1];
  if (!body || (body.type !== 'block' && body.type !== 'declaration_list')) return;
  const close = body.lastChild;
  if (!close || !close.isMissing) return;
  const open = body.firstChild;
  problem(ctx, 'unclosed `{`', open ? span(open) : span(body));
  extractItems(body, ctx, depth + 1, 'recover', out, undefined, false);
  void c;
}

function macroItem(n: Node, p: Pending, ctx: Ctx): Item {
  const head = ctx.text.slice(n.startIndex, Math.min(n.endIndex, n.startIndex + SHORT_TEXT));
  const bang = head.indexOf('!');
  const name = (bang >= 0 ? head.slice(0, bang) : head).replace(/\s+/g, '');
  return { kind: 'macroCall', name, span: { start: p.start >= 0 ? p.start : n.startIndex, end: n.endIndex } };
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
    docs: p.docs,
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
      return structOrUnion(t === 'struct_item' ? 'struct' : 'union', c, kids, p, ctx);
    case 'enum_item':
      return enumItem(c, kids, p, ctx);
    case 'type_item':
      return typeAlias(c, kids, p, ctx);
    case 'const_item':
    case 'static_item':
      return constItem(t === 'const_item' ? 'const' : 'static', c, kids, p, ctx);
    case 'use_declaration':
      return useDecl(c, kids, p, ctx);
    case 'extern_crate_declaration':
      return externCrate(c, kids, p, ctx);
  }
  return undefined;
}

function findName(kids: readonly Node[], type: string): Node | undefined {
  for (const k of kids) {
    if (k.type === type) return k.endIndex > k.startIndex ? k : undefined;
  }
  return undefined;
}

function structOrUnion(kind: 'struct' | 'union', c: Node, kids: Node[], p: Pending, ctx: Ctx): StructDef | UnionDef | undefined {
  let nameNode: Node | undefined;
  let tparams: Node | undefined;
  let where: Node | undefined;
  let body: Node | undefined;
  for (const k of kids) {
    switch (k.type) {
      case 'type_identifier':
        nameNode ??= k;
        break;
      case 'type_parameters':
        tparams = k;
        break;
      case 'where_clause':
        where = k;
        break;
      case 'field_declaration_list':
      case 'ordered_field_declaration_list':
        body ??= k;
        break;
    }
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  const base = common(c, kids, nameNode, p, ctx);
  const generics = genericsOf(tparams, where, ctx);
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
  let nameNode: Node | undefined;
  let tparams: Node | undefined;
  let where: Node | undefined;
  let body: Node | undefined;
  for (const k of kids) {
    switch (k.type) {
      case 'type_identifier':
        nameNode ??= k;
        break;
      case 'type_parameters':
        tparams = k;
        break;
      case 'where_clause':
        where = k;
        break;
      case 'enum_variant_list':
        body ??= k;
        break;
    }
  }
  if (!nameNode || nameNode.endIndex === nameNode.startIndex) return undefined;
  const variants: VariantDef[] = [];
  if (body) {
    let vp = newPending();
    for (const k of body.children) {
      switch (k.type) {
        case 'attribute_item':
          addAttr(vp, ctx, k);
          continue;
        case 'line_comment':
        case 'block_comment':
          addComment(vp, ctx, k);
          continue;
        case 'enum_variant': {
          const v = variant(k, vp, ctx);
          if (v) variants.push(v);
          break;
        }
      }
      vp = newPending();
    }
  }
  const e: EnumDef = {
    kind: 'enum',
    ...common(c, kids, nameNode, p, ctx),
    generics: genericsOf(tparams, where, ctx),
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
  for (const k of n.children) {
    const t = k.type;
    if (t === '=') {
      afterEq = true;
    } else if (afterEq) {
      value ??= k;
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
    docs: p.docs,
    attrs: p.attrs,
    cfg: p.cfg,
    ...(value ? { discriminant: constExpr(value, ctx, 0) } : {}),
  };
  return v;
}

function namedFields(list: Node, ctx: Ctx): FieldDef[] {
  const out: FieldDef[] = [];
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
      case 'field_declaration': {
        const f = namedField(k, p, ctx);
        if (f) out.push(f);
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
  const ty: TypeExpr = tyNode
    ? typeExpr(tyNode, ctx, 0)
    : { kind: 'unknown', text: '', span: { start: n.endIndex, end: n.endIndex } };
  const f: FieldDef = {
    name: ident(slice(ctx, nameNode)),
    nameSpan: span(nameNode),
    span: { start: p.start >= 0 ? p.start : n.startIndex, end: n.endIndex },
    ty,
    docs: p.docs,
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
      case 'ERROR':
        continue;
    }
    if (!k.isNamed) continue;
    const f: FieldDef = {
      name: String(out.length),
      nameSpan: span(k),
      span: { start: p.start >= 0 ? p.start : k.startIndex, end: k.endIndex },
      ty: typeExpr(k, ctx, 0),
      docs: p.docs,
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
    generics: genericsOf(tparams, where, ctx),
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

function modItem(c: Node, p: Pending, ctx: Ctx, depth: number): ModDef | undefined {
  const kids = c.children;
  const nameNode = findName(kids, 'identifier');
  let body: Node | undefined;
  for (const k of kids) if (k.type === 'declaration_list') body = k;
  if (!nameNode) {
    if (body) extractItems(body, ctx, depth + 1, 'items', [], undefined, false);
    if (c.hasError) problem(ctx, 'module without a name', span(c));
    return undefined;
  }
  let items: Item[] | undefined;
  if (body) {
    items = [];
    extractItems(body, ctx, depth + 1, 'items', items, undefined, false);
  } else if (c.hasError) {
    scanProblems(c, ctx, 0);
  }
  const m: ModDef = {
    kind: 'mod',
    ...common(c, kids, nameNode, p, ctx),
    ...(items ? { items } : {}),
    ...(p.pathAttr !== undefined ? { pathAttr: p.pathAttr } : {}),
  };
  return m;
}

function externCrate(c: Node, kids: Node[], p: Pending, ctx: Ctx): Item | undefined {
  let crate: string | undefined;
  let alias: string | undefined;
  let afterAs = false;
  for (const k of kids) {
    const t = k.type;
    if (t === 'as') afterAs = true;
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
    span: itemSpan(c, p),
    cfg: p.cfg,
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

function useEntry(prefix: readonly string[], segs: string[], global: boolean, alias: string | undefined, glob: boolean): UseEntry {
  let path = [...prefix, ...segs];
  // `a::{self}` / `a::{self as b}` import `a` itself
  if (path.length > 1 && path[path.length - 1] === 'self' && prefix.length > 0 && segs.length === 1) path = path.slice(0, -1);
  return { path, ...(alias !== undefined ? { alias } : {}), glob, global };
}

// ───────────────────────────── generics ─────────────────────────────

function genericsOf(tparams: Node | undefined, where: Node | undefined, ctx: Ctx): Generics {
  if (!tparams && !where) return NO_GENERICS;
  const params: GenericParam[] = [];
  if (tparams) {
    for (const k of tparams.children) {
      switch (k.type) {
        case 'lifetime_parameter': {
          const m = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(slice(ctx, k));
          if (m) params.push({ kind: 'lifetime', name: m[0] });
          break;
        }
        case 'type_parameter': {
          let name: string | undefined;
          let maybeUnsized = false;
          let def: Node | undefined;
          let afterEq = false;
          for (const q of k.children) {
            const t = q.type;
            if (t === '=') afterEq = true;
            else if (afterEq) def ??= q;
            else if (t === 'type_identifier') name ??= ident(slice(ctx, q));
            else if (t === 'trait_bounds' && hasMaybeSized(q, ctx)) maybeUnsized = true;
          }
          if (!name) break;
          params.push({
            kind: 'type',
            name,
            maybeUnsized,
            ...(def && def.endIndex > def.startIndex ? { default: typeExpr(def, ctx, 0) } : {}),
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
  if (where) {
    for (const pred of where.children) {
      if (pred.type !== 'where_predicate') continue;
      const pk = pred.children;
      const left = pk[0];
      if (!left || left.type !== 'type_identifier') continue;
      const name = ident(slice(ctx, left));
      const bounds = pk.find((q) => q.type === 'trait_bounds');
      if (!bounds || !hasMaybeSized(bounds, ctx)) continue;
      const i = params.findIndex((q) => q.kind === 'type' && q.name === name);
      const prev = params[i];
      if (prev && prev.kind === 'type') params[i] = { ...prev, maybeUnsized: true };
    }
  }
  return { params };
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
      return { kind: 'path', segments: [{ name: ident(s), args: [] }], global: false, span: span(n) };
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
      return { kind: 'ref', mutable, inner: innerTy, span: span(n) };
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
      return { kind: 'tuple', elems: [], span: span(n) };
    case 'tuple_type': {
      const elems: TypeExpr[] = [];
      for (const k of n.children) {
        const kt = k.type;
        if (kt === '(' || kt === ')' || kt === ',' || kt === 'line_comment' || kt === 'block_comment') continue;
        if (kt === 'ERROR') return unknownType(ctx, n);
        elems.push(typeExpr(k, ctx, depth + 1));
      }
      return { kind: 'tuple', elems, span: span(n) };
    }
    case 'function_type': {
      const kids = n.children;
      if (kids.some((k) => k.type === 'fn')) return { kind: 'fnptr', span: span(n) };
      // `Fn(u8) -> u8` written as a bare trait object
      return { kind: 'dyn', bounds: [boundName(n, ctx)], span: span(n) };
    }
    case 'never_type':
      return { kind: 'never', span: span(n) };
    case 'abstract_type':
      return { kind: 'impl', span: span(n) };
    case 'dynamic_type':
    case 'bounded_type': {
      const bounds: string[] = [];
      if (collectBounds(n, ctx, bounds, depth)) return { kind: 'impl', span: span(n) };
      return { kind: 'dyn', bounds, span: span(n) };
    }
    case 'macro_invocation':
      return { kind: 'macro', text: short(ctx, n), span: span(n) };
    default:
      return unknownType(ctx, n);
  }
}

/** Collects trait bound names of a `dyn`/bounded type; returns true if it is an `impl` type. */
function collectBounds(n: Node, ctx: Ctx, out: string[], depth: number): boolean {
  if (depth > MAX_NESTING) return false;
  let isImpl = false;
  for (const k of n.children) {
    const kt = k.type;
    if (kt === 'dyn' || kt === '+' || kt === 'lifetime' || kt === '(' || kt === ')') continue;
    if (kt === 'dynamic_type' || kt === 'bounded_type') {
      if (collectBounds(k, ctx, out, depth + 1)) isImpl = true;
    } else if (kt === 'abstract_type') isImpl = true;
    else if (k.isNamed) out.push(boundName(k, ctx));
  }
  return isImpl;
}

/** The written path of a trait bound, without generic arguments or `Fn` sugar. */
function boundName(n: Node, ctx: Ctx): string {
  const s = slice(ctx, n);
  const lt = s.search(/[<(]/);
  const head = (lt >= 0 ? s.slice(0, lt) : s).replace(/\s+/g, '');
  return head.replace(/^for<[^>]*>/, '').replace(/^\?/, '');
}

interface MutSeg {
  name: string;
  args: readonly GenericArg[];
}

function pathType(n: Node, ctx: Ctx, depth: number): TypeExpr {
  const segs: MutSeg[] = [];
  const st = { global: false, qualified: false };
  pushPath(n, ctx, segs, st, depth, true);
  return {
    kind: 'path',
    segments: segs as PathSegment[],
    global: st.global,
    ...(st.qualified ? { qualified: true } : {}),
    span: span(n),
  };
}

function pushPath(
  n: Node,
  ctx: Ctx,
  segs: MutSeg[],
  st: { global: boolean; qualified: boolean },
  depth: number,
  outermost: boolean,
): void {
  if (depth > MAX_NESTING) {
    segs.push({ name: '…', args: [] });
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
      segs.push({ name: short(ctx, n), args: [] });
      return;
    default: {
      const s = slice(ctx, n);
      if (!outermost && !s) return;
      segs.push({ name: ident(s), args: [] });
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
        out.push({ kind: 'lifetime', name: slice(ctx, k) });
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

const INT_SUFFIX = /(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/;

/** Value of a Rust integer literal (`0x1F`, `0b1010_u8`, `1_000i64`), or undefined. */
export function parseIntLiteral(raw: string): bigint | undefined {
  let s = raw.replace(/_/g, '');
  const m = INT_SUFFIX.exec(s);
  if (m) s = s.slice(0, m.index);
  if (!s) return undefined;
  let digits = s;
  let ok: RegExp;
  let prefix = '';
  if (s.startsWith('0x')) {
    digits = s.slice(2);
    ok = /^[0-9a-fA-F]+$/;
    prefix = '0x';
  } else if (s.startsWith('0o')) {
    digits = s.slice(2);
    ok = /^[0-7]+$/;
    prefix = '0o';
  } else if (s.startsWith('0b')) {
    digits = s.slice(2);
    ok = /^[01]+$/;
    prefix = '0b';
  } else {
    ok = /^[0-9]+$/;
  }
  if (!ok.test(digits)) return undefined;
  return BigInt(prefix + digits);
}

/** Code point of a char/byte literal (`'a'`, `b'\n'`, `'\u{1F600}'`), or undefined. */
export function parseCharLiteral(raw: string): bigint | undefined {
  const toks = tokenize(raw.replace(/^b?'/, '"').replace(/'$/, '"'));
  const first = toks[0];
  if (!first || first.t !== 'str' || toks.length !== 1) return undefined;
  const cp = first.v.codePointAt(0);
  if (cp === undefined) return undefined;
  if (first.v.length !== (cp > 0xffff ? 2 : 1)) return undefined;
  return BigInt(cp);
}

const BIN_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^']);

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
      simplePath(n, ctx, path);
      return { kind: 'path', path, text: short(ctx, n) };
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
    case 'parenthesized_expression': {
      const inner = n.children.filter((k) => k.type !== '(' && k.type !== ')' && k.type !== 'line_comment' && k.type !== 'block_comment');
      if (inner.length !== 1) return unknownExpr(ctx, n);
      return constExpr(inner[0]!, ctx, depth + 1);
    }
    case 'block': {
      const inner = n.children.filter((k) => k.type !== '{' && k.type !== '}' && k.type !== 'line_comment' && k.type !== 'block_comment');
      if (inner.length !== 1) return unknownExpr(ctx, n);
      return constExpr(inner[0]!, ctx, depth + 1);
    }
    case 'type_cast_expression': {
      const kids = n.children;
      const value = kids[0];
      const ty = kids[kids.length - 1];
      if (kids.length !== 3 || !value || !ty) return unknownExpr(ctx, n);
      return { kind: 'cast', expr: constExpr(value, ctx, depth + 1), ty: typeExpr(ty, ctx, depth + 1) };
    }
    case 'call_expression': {
      const kids = n.children;
      const fn = kids[0];
      const args = kids[1];
      if (!fn || !args || fn.type !== 'generic_function' || args.type !== 'arguments') return unknownExpr(ctx, n);
      if (args.namedChildCount !== 0) return unknownExpr(ctx, n);
      const callee = pathType(fn, ctx, depth + 1);
      if (callee.kind !== 'path' || callee.qualified) return unknownExpr(ctx, n);
      const last = callee.segments[callee.segments.length - 1];
      if (!last || (last.name !== 'size_of' && last.name !== 'align_of')) return unknownExpr(ctx, n);
      const targs = last.args;
      const arg = targs[0];
      if (targs.length !== 1 || !arg || arg.kind !== 'type') return unknownExpr(ctx, n);
      return { kind: last.name === 'size_of' ? 'sizeOf' : 'alignOf', ty: arg.ty };
    }
    default:
      return unknownExpr(ctx, n);
  }
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
  for (const k of n.children) {
    if (k.hasError) scanProblems(k, ctx, depth + 1);
  }
}
