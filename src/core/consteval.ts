/**
 * The constant evaluator: the integer constants layouts need (array lengths, discriminants,
 * const generic arguments), typed as rustc types them, with rustc's errors where it rejects
 * them (E0080, E0308, overflowing literals) and an abstention with a reason where the engine
 * does not evaluate. It asks the engine (`ConstHost`) for types, layouts and references.
 */
import type { Attribute, ConstDef, ConstExpr, ConstFnDef, ConstPat, TypeExpr } from './model';
import type { Target } from './targets';
import { PRIMITIVES, type ModuleScope, type Resolver } from './resolve';
import { lintAllowed, type DenyLint } from './lints';
import { applyIntMethod, BOOL_INT_METHODS, ConstPanic, intMethodTypes, type IntTy } from './intMethods';
import { type Layout, Abstain, LayoutError, Reject } from './layout/types';
import { refKey } from './refs';
import { parseCfgAttr } from './attrs';
import type { GArg, Ty, TyScope } from './engine';
import { tyToString } from './engine';

/** What the evaluator asks of the engine. */
export interface ConstHost {
  readonly target: Target;
  readonly resolver: Resolver;
  tyOf(e: TypeExpr, s: TyScope): Ty;
  /** A type's layout; `forConstant` when a constant asks for it (`size_of::<T>()`): a cycle through it is rustc's E0391. */
  layoutOf(ty: Ty, forConstant?: boolean): Layout;
  /** Notes that `owner`'s definition names the crate item `key` (see `Engine.refs`). */
  addRef(owner: string | undefined, key: string): void;
  /** A number per item object, stable for the session. */
  idOf(o: object): number;
  /** The discriminant of the enum variant a path names (`E::A`), if it names one. */
  variantDiscriminant(m: ModuleScope, segs: readonly string[]): bigint | undefined;
}

const MAX_CONST_DEPTH = 200;

const I32 = { size: 4, signed: true } as const;
/** A byte literal's type (`b'a'` is a `u8`). */
const U8 = { size: 1, signed: false } as const;

/** `'a'`: a char literal (the model keeps it as an integer of its code point, its text says which). */
function isCharLiteral(e: ConstExpr): boolean {
  return e.kind === 'int' && e.text.startsWith("'");
}

/**
 * Where a constant's type is not known here (a comparison's sides, a cast from a constant of an
 * alias type, a const generic argument): evaluated as i128, which holds every value, and never
 * taken for a mismatch. Compared by identity, so a real i128 is not this.
 */
export const WIDE: IntTy = Object.freeze({ size: 16, signed: true });

export const sameInt = (a: IntTy, b: IntTy): boolean => a.size === b.size && a.signed === b.signed && !a.ptr === !b.ptr;

export const INT_NAMES: Record<string, [number, boolean]> = {
  u8: [1, false], u16: [2, false], u32: [4, false], u64: [8, false], u128: [16, false],
  i8: [1, true], i16: [2, true], i32: [4, true], i64: [8, true], i128: [16, true],
};

const BOOL_OPS: ReadonlySet<string> = new Set(['<', '>', '<=', '>=', '==', '!=', '&&', '||']);

function isBoolExpr(e: ConstExpr): boolean {
  return (
    e.kind === 'bool' ||
    (e.kind === 'binary' && BOOL_OPS.has(e.op)) ||
    (e.kind === 'unary' && e.op === '!' && isBoolExpr(e.operand)) ||
    (e.kind === 'method' && BOOL_INT_METHODS.has(e.name)) ||
    (e.kind === 'call' && BOOL_INT_METHODS.has(e.callee[e.callee.length - 1]!)) ||
    (e.kind === 'if' && isBoolExpr(e.then)) ||
    (e.kind === 'block' && isBoolExpr(e.value)) ||
    (e.kind === 'match' && e.arms.length > 0 && isBoolExpr(e.arms[0]!.value)) ||
    (e.kind === 'unknown' && CFG_MACRO.test(e.text))
  );
}

/** `cfg!(pred)`: a `bool` constant, true when the predicate holds for the crate's target and features. */
const CFG_MACRO = /^cfg\s*!\s*\(/;

type CallExpr = Extract<ConstExpr, { kind: 'call' | 'method' }>;
type MatchExpr = Extract<ConstExpr, { kind: 'match' }>;
type BlockExpr = Extract<ConstExpr, { kind: 'block' }>;

/** A `match` arm chosen: its value and the scope it is read in (with the arm's binding). */
interface ArmIn {
  readonly value: ConstExpr;
  readonly scope: TyScope;
}

export function intTyName(t: IntTy): string {
  return t.ptr ? (t.signed ? 'isize' : 'usize') : `${t.signed ? 'i' : 'u'}${t.size * 8}`;
}

export function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? one.slice(0, 57) + '…' : one;
}

function primConst(ty: string, name: string, ptrSize: number): bigint | undefined {
  const [size, signed] = ty === 'usize' || ty === 'isize' ? [ptrSize, ty === 'isize'] : (INT_NAMES[ty] ?? [0, false]);
  if (!size) {
    if (ty === 'char' && name === 'MAX') return 0x10ffffn;
    return undefined;
  }
  const bits = BigInt(size * 8);
  if (name === 'BITS') return bits;
  if (name === 'MAX') return signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (name === 'MIN') return signed ? -(1n << (bits - 1n)) : 0n;
  return undefined;
}


export class ConstEval {
  private readonly constCache = new Map<string, bigint | Error>();
  /** Constants being evaluated inside each other (a chain of 2,000 must not overflow the stack). */
  private constDepth = 0;
  /**
   * Nonzero while a branch that is not taken (an `if`'s other branch, a `match`'s other arms) is
   * checked: rustc type-checks it (a mismatch, an out-of-range literal is an error) but never runs
   * it (its overflow or division by zero is none), so arithmetic errors are not raised there.
   */
  private lenient = 0;

  constructor(private readonly host: ConstHost) {}

  /** Whether rustc lets a lint denied by default pass where `attrs` (innermost first) and module `m` set its level; E0453 thrown for an `allow` under a `forbid`. */
  lintPasses(lint: DenyLint, attrs: readonly (readonly Attribute[])[], m: ModuleScope): boolean {
    const crate = m.crate;
    const allowed = lintAllowed(lint, attrs, m, crate.capLints, (p) => crate.active([p]), crate.cargoLints);
    if (allowed === 'E0453') throw new Reject('E0453', `\`allow(${lint})\` incompatible with a \`forbid\` around it`);
    return allowed;
  }

  /**
   * A literal out of its type's range: rustc's `overflowing_literals` lint. Returns (the caller
   * wraps the value) where the lint is allowed; a rejection where it is denied.
   */
  private overflowingLiteral(s: TyScope, ity: { size: number; signed: boolean }, value: bigint): void {
    if (this.lintPasses('overflowing_literals', s.lints ?? [], s.m)) return;
    const bits = ity.size * 8;
    const wrapped = ity.signed ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
    throw new Reject(
      'overflowing_literals',
      `literal \`${value}\` out of range for a ${bits}-bit ${ity.signed ? 'signed' : 'unsigned'} integer (a lint rustc denies by default; under \`#[allow(overflowing_literals)]\` it wraps to ${wrapped})`,
    );
  }

  tryConst(e: ConstExpr, s: TyScope, ity: { size: number; signed: boolean }): bigint | Error {
    try {
      return this.evalConst(e, s, ity);
    } catch (err) {
      if (err instanceof Abstain || err instanceof LayoutError) return err;
      throw err;
    }
  }

  /**
   * What a const generic argument of a `bool` or `char` parameter (`B<{ M > 2 }>`, `H<'x'>`) is:
   * its value (a `bool` as 0 or 1, a `char` as its code point), a mismatch when it is certainly of
   * another type (an integer literal, an integer-typed expression or constant: E0308), else an
   * Abstain (not read here).
   */
  tryNonIntArg(e: ConstExpr, s: TyScope, want: 'bool' | 'char', depth = 0): bigint | Error {
    try {
      if (want === 'char' && e.kind === 'int' && e.text.startsWith("'")) return e.value;
      if (want === 'char' && depth < MAX_CONST_DEPTH) {
        const v = this.charArg(e, s, depth);
        if (v !== undefined) return v;
      }
      // The using definition's own const parameter (`struct W<const F: bool>(B<F>)`).
      const g = e.kind === 'path' && e.path.length === 1 ? s.generics.get(e.path[0]!) : undefined;
      if (g?.k === 'const') return g.ty ? new Reject('E0308', `mismatched types: expected \`${want}\`, found \`${intTyName(g.ty)}\``) : g.value;
      if (want === 'bool' && this.boolValued(e, s)) return this.evalBool(e, s) ? 1n : 0n;
      const found = e.kind === 'bool' ? 'bool' : e.kind === 'int' && e.text.startsWith("'") ? 'char' : undefined;
      const int = found ? undefined : this.intTypeOf(e, s);
      if (found !== undefined || int !== 'unknown') {
        const what = found ?? (typeof int === 'object' ? intTyName(int) : 'integer');
        return new Reject('E0308', `mismatched types: expected \`${want}\`, found \`${what}\`${'text' in e ? ` (\`${short(e.text)}\`)` : ''}`);
      }
      return new Abstain(`a const argument of a \`${want}\` parameter that is not a literal${want === 'bool' ? ' or a comparison' : ''} is not evaluated here`);
    } catch (err) {
      if (err instanceof Abstain || err instanceof LayoutError) return err;
      throw err;
    }
  }

  /**
   * A `char` argument written other than as a literal: `{ 97u8 as char }` (only a `u8` casts to a
   * `char`: rustc's E0604 otherwise), a block around one, a `char` constant. Its code point, an
   * error, or undefined when it is none of these.
   */
  private charArg(e: ConstExpr, s: TyScope, depth: number): bigint | Error | undefined {
    while (e.kind === 'block' && e.lets.length === 0) e = e.value;
    if (e.kind === 'int' && e.text.startsWith("'")) return e.value;
    if (e.kind === 'cast' && e.ty.kind === 'path' && e.ty.segments.length === 1 && e.ty.segments[0]!.name === 'char' && !e.ty.global) {
      const from = this.intTypeOf(e.expr, s);
      if (typeof from === 'object' && intTyName(from) !== 'u8') return new Reject('E0604', `only \`u8\` can be cast as \`char\`, not \`${intTyName(from)}\``);
      if (isCharLiteral(e.expr) && e.expr.kind === 'int') return e.expr.value;
      return this.evalConst(e.expr, s, this.intNamed('u8')!);
    }
    if (e.kind !== 'path') return undefined;
    const found = this.host.resolver.lookupConst(s.m, e.path, e.global === true);
    if (!found || 'unknown' in found || found.item.kind !== 'const' || !found.item.value || !found.item.ty) return undefined;
    const own = 'name' in found.item && !found.m.crate.frozen ? refKey('v', found.m, found.item) : undefined;
    if (own !== undefined) this.host.addRef(s.owner, own);
    const ty = found.item.ty;
    if (ty.kind !== 'path' || ty.segments.length !== 1 || ty.segments[0]!.name !== 'char') {
      const named = ty.kind === 'path' ? ty.segments.map((x) => x.name).join('::') : undefined;
      return named && (named in INT_NAMES || named === 'usize' || named === 'isize' || named === 'bool') ? new Reject('E0308', `mismatched types: expected \`char\`, found \`${named}\` (\`${e.text}\`)`) : undefined;
    }
    const v = this.tryNonIntArg(found.item.value, { m: found.m, generics: new Map(), owner: own, lints: [found.item.attrs] }, 'char', depth + 1);
    return v instanceof Abstain ? undefined : v;
  }

  evalConst(e: ConstExpr, s: TyScope, ity: { size: number; signed: boolean }): bigint {
    const wrapCheck = (v: bigint): bigint => {
      const bits = BigInt(ity.size * 8);
      const lo = ity.signed ? -(1n << (bits - 1n)) : 0n;
      const hi = ity.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      if (v < lo || v > hi) {
        if (this.lenient) return ity.signed ? BigInt.asIntN(ity.size * 8, v) : BigInt.asUintN(ity.size * 8, v);
        throw new Reject('E0080', `evaluation of constant value failed: overflow`);
      }
      return v;
    };
    switch (e.kind) {
      case 'int': {
        // A `char` is no integer: only a cast makes it one (`'a' + 1` is E0369, `[u8; 'a']` E0308).
        if (e.text.startsWith("'")) throw new Abstain(`the \`char\` literal ${e.text} used as an integer (rustc rejects it unless it is cast)`);
        // `[u8; 3u8]`: a suffix other than the expected type is rustc's E0308.
        const suffixed = ity === WIDE ? undefined : this.intTypeOf(e, s);
        if (typeof suffixed === 'object' && !sameInt(suffixed, ity)) this.mismatch(e.text, suffixed, ity);
        // A literal must fit the type: above its maximum it is rustc's `overflowing_literals`
        // lint (hex ones for signed types too), denied by default; where allowed it wraps.
        const bits = ity.size * 8;
        const max = ity.signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
        if (e.value > max) this.overflowingLiteral(s, ity, e.value);
        return ity.signed ? BigInt.asIntN(bits, e.value) : BigInt.asUintN(bits, e.value);
      }
      case 'bool':
        // `[u8; true]`, `A<true>` for `const N: u8`: no bool is an integer (a cast makes it one).
        if (ity !== WIDE) throw new Reject('E0308', `mismatched types: expected \`${intTyName(ity)}\`, found \`bool\``);
        return e.value ? 1n : 0n;
      case 'unary': {
        if (e.op === '-' && e.operand.kind === 'int') {
          // `A = -1i32` where an `isize` is expected: the suffix must match, as for `1i32`.
          const suffixed = ity === WIDE ? undefined : this.intTypeOf(e.operand, s);
          if (typeof suffixed === 'object' && !sameInt(suffixed, ity)) this.mismatch(`-${e.operand.text}`, suffixed, ity);
        }
        // `-x` of an unsigned type is E0600 (no `Neg` for unsigned integers), whatever x is.
        if (e.op === '-' && !ity.signed) throw new Reject('E0600', `cannot apply unary operator \`-\` to type \`${intTyName(ity)}\``);
        if (e.op === '-' && e.operand.kind === 'int') {
          // `-128i8`, `-0x8000_0000_0000_0000`: the literal is negated before the range check.
          const neg = -e.operand.value;
          const bits = ity.size * 8;
          if (neg >= -(1n << BigInt(bits - 1))) return neg;
          this.overflowingLiteral(s, ity, neg);
          return BigInt.asIntN(bits, neg);
        }
        const v = this.evalConst(e.operand, s, ity);
        if (e.op === '-') return wrapCheck(-v);
        return ity.signed ? BigInt.asIntN(ity.size * 8, ~v) : BigInt.asUintN(ity.size * 8, ~v);
      }
      case 'binary': {
        if (BOOL_OPS.has(e.op)) throw new Abstain(`a \`bool\` (\`${e.op}\`) used as an integer in a constant`);
        const l = this.evalConst(e.left, s, ity);
        // A shift's right side may be of any integer type: its own, where it has one.
        const shiftBy = e.op === '<<' || e.op === '>>' ? this.intTypeOf(e.right, s) : undefined;
        // Unsuffixed literals alone fall back to i32 (`x << (519161 >> 43)` overflows an i32 shift).
        const rTy = shiftBy === undefined ? ity : typeof shiftBy === 'object' ? shiftBy : shiftBy === 'untyped' ? I32 : WIDE;
        const r = this.evalConst(e.right, s, rTy);
        switch (e.op) {
          case '+': return wrapCheck(l + r);
          case '-': return wrapCheck(l - r);
          case '*': return wrapCheck(l * r);
          case '/':
            if (r === 0n && this.lenient) return 0n;
            if (r === 0n) throw new Reject('E0080', 'attempt to divide by zero');
            return wrapCheck(l / r);
          case '%':
            if (r === 0n && this.lenient) return 0n;
            if (r === 0n) throw new Reject('E0080', 'attempt to calculate the remainder with a divisor of zero');
            // `i8::MIN % -1` overflows (as `i8::MIN / -1` does), though the remainder is 0.
            if (r === -1n) wrapCheck(l / r);
            return wrapCheck(l % r);
          case '<<':
            if ((r < 0n || r >= BigInt(ity.size * 8)) && this.lenient) return 0n;
            if (r < 0n || r >= BigInt(ity.size * 8)) throw new Reject('E0080', 'attempt to shift left with overflow');
            return ity.signed ? BigInt.asIntN(ity.size * 8, l << r) : BigInt.asUintN(ity.size * 8, l << r);
          case '>>':
            if ((r < 0n || r >= BigInt(ity.size * 8)) && this.lenient) return 0n;
            if (r < 0n || r >= BigInt(ity.size * 8)) throw new Reject('E0080', 'attempt to shift right with overflow');
            return l >> r;
          case '&': return l & r;
          case '|': return l | r;
          case '^': return l ^ r;
        }
        break;
      }
      case 'cast': {
        const target = e.ty.kind === 'path' ? e.ty.segments.map((x) => x.name).join('::') : '';
        // `as _`: the type the constant is expected to have (rustix: `Global = MEMBARRIER_CMD_GLOBAL as _`).
        const to = e.ty.kind === 'infer' ? ity : this.intTypeIn(e.ty, s.m, s.owner);
        if (!to) throw new Abstain(`cast to \`${target || 'a non-integer type'}\` in a constant`);
        // `[u8; 3 as u8]`: the cast's type is the expression's, and must be the one expected (E0308).
        if (ity !== WIDE && !sameInt(to, ity)) this.mismatch(`as ${target}`, to, ity);
        // `(A < B) as usize`: a bool cast to an integer is 0 or 1.
        // The operand's own type, as rustc infers it: `0x1_0000_0000 as usize`, an unsuffixed
        // literal, takes the cast's type (the cast hint; not `as _`, where it falls back to i32);
        // otherwise a suffix, a typed constant or an inner cast gives it (`(256u8 + 1) as usize`
        // is u8 arithmetic), unsuffixed literals alone are i32 (`(200 + 100) as u8` is 44), and an
        // operand whose type is not known here is evaluated wide.
        // `3 as _ as usize`: nothing tells the inner `_` (rustc: E0282).
        if (e.expr.kind === 'cast' && e.expr.ty.kind === 'infer') throw new Abstain('`as _` where no type can be inferred (rustc: E0282)');
        // The hint reaches the literal through unary `-` and `!` (and parentheses): `!4294967290 as u64`.
        let operand = e.expr;
        while (operand.kind === 'unary') operand = operand.operand;
        const lit = operand.kind === 'int' ? operand : undefined;
        // A char or byte literal has its own type: no hint reaches it (`'Ā' as u8` is 0).
        if (isCharLiteral(e.expr) && e.expr.kind === 'int') {
          const v = e.expr.value;
          return to.signed ? BigInt.asIntN(to.size * 8, v) : BigInt.asUintN(to.size * 8, v);
        }
        const inferred = this.intTypeOf(e.expr, s);
        const inner = inferred !== 'untyped' && inferred !== 'unknown' ? inferred : lit && !isCharLiteral(lit) ? (e.ty.kind === 'infer' ? I32 : to) : inferred === 'untyped' ? I32 : WIDE;
        const v = this.boolValued(e.expr, s) ? (this.evalBool(e.expr, s) ? 1n : 0n) : this.evalConst(e.expr, s, inner);
        return to.signed ? BigInt.asIntN(to.size * 8, v) : BigInt.asUintN(to.size * 8, v);
      }
      case 'sizeOf':
      case 'alignOf': {
        this.checkStdMemFn(e.callee, e.global === true, s);
        const ty = this.host.tyOf(e.ty, s);
        const l = this.host.layoutOf(ty, true);
        if (!l.sized) throw new Reject('E0277', `the size for values of type \`${tyToString(ty)}\` cannot be known at compilation time`);
        return BigInt(e.kind === 'sizeOf' ? l.size : l.align);
      }
      case 'path': {
        // A constant named in a branch not taken is evaluated all the same (its errors are rustc's).
        if (this.lenient) return this.strictly(() => this.evalConst(e, s, ity));
        const segs = e.path[0] === 'Self' && s.selfPath && e.path.length > 1 ? [...s.selfPath, ...e.path.slice(1)] : e.path;
        if (segs.length === 1) {
          const g = s.generics.get(segs[0]!);
          if (g?.k === 'const') {
            if (g.ty && ity !== WIDE && !sameInt(g.ty, ity)) this.mismatch(segs[0]!, g.ty, ity);
            return g.value;
          }
          if (g) throw new Abstain(`type parameter used as a constant`);
        }
        const prim = this.primitiveOwner(segs, e.global === true && segs === e.path, s, 'const');
        if (prim !== undefined) {
          const name = segs[segs.length - 1]!;
          const v = primConst(prim, name, this.host.target.pointerSize);
          if (v !== undefined) {
            // `BITS` is a `u32`, `MAX`/`MIN` the primitive's own type: `[u8; u8::BITS]` is E0308.
            const own = prim === 'char' ? undefined : name === 'BITS' ? this.intNamed('u32') : this.intNamed(prim);
            if (prim === 'char' && ity !== WIDE) throw new Abstain(`\`char::${name}\` used as an integer (rustc rejects it unless it is cast)`);
            if (own && ity !== WIDE && !sameInt(own, ity)) this.mismatch(segs.join('::'), own, ity);
            return v;
          }
        }
        const found = this.host.resolver.lookupConst(s.m, segs, e.global === true && segs === e.path);
        if (found && 'unknown' in found) {
          if (found.reject) throw new Reject(found.reject.code, found.reject.message);
          throw new Abstain(`constant \`${segs.join('::')}\` is not known: ${found.unknown}`);
        }
        const own = found && 'name' in found.item && !found.m.crate.frozen ? refKey('v', found.m, found.item) : undefined;
        if (own !== undefined) this.host.addRef(s.owner, own);
        if (found && (found.item.kind === 'const' || found.item.kind === 'static') && found.item.syntaxError) {
          throw new Abstain(`the definition of \`${found.item.name}\` does not parse (${found.item.syntaxError})`);
        }
        if (found && (found.item.kind === 'const' || found.item.kind === 'static') && found.item.value) {
          const cTy = found.item.ty ? this.constType(found.item.ty, found.m, s.owner) : ity;
          // A `bool` constant where an integer is expected (`A<T>` for `const N: u8`): E0308.
          if (ity !== WIDE && this.boolConst(e, s) !== undefined) throw new Reject('E0308', `mismatched types: expected \`${intTyName(ity)}\`, found \`bool\` (\`${segs.join('::')}\`)`);
          // `const N: i32 = 3;` as an array length: rustc's E0308 (no conversion between integer types).
          if (cTy !== WIDE && ity !== WIDE && !sameInt(cTy, ity)) this.mismatch(segs.join('::'), cTy, ity);
          const key = `${this.host.idOf(found.item)}`;
          const hit = this.constCache.get(key);
          if (hit !== undefined) {
            if (hit instanceof Error) throw hit;
            return hit;
          }
          if (this.constDepth >= MAX_CONST_DEPTH) throw new Abstain(`constants defined through more than ${MAX_CONST_DEPTH} other constants are not evaluated`);
          this.constCache.set(key, new Abstain(`constant \`${segs.join('::')}\` refers to itself`));
          this.constDepth++;
          try {
            const self = found.selfTy ? this.selfTyOf(found.selfTy, found.m, own) : undefined;
            const scope: TyScope = { m: found.m, generics: new Map(), owner: own, selfPath: found.selfPath, ...(self ? { self } : {}), lints: found.implAttrs ? [found.item.attrs, found.implAttrs] : [found.item.attrs] };
            const v = this.evalConst(found.item.value, scope, cTy);
            this.constCache.set(key, v);
            return v;
          } catch (err) {
            if (err instanceof Error) this.constCache.set(key, err);
            throw err;
          } finally {
            this.constDepth--;
          }
        }
        if (!found && segs.length >= 2) {
          const d = this.host.variantDiscriminant(s.m, segs);
          if (d !== undefined) return d;
        }
        throw new Abstain(`constant \`${segs.join('::')}\` is not known`);
      }
      case 'if': {
        const taken = this.staticFirst(
          () => (this.evalBool(e.cond, s) ? e.then : e.else),
          () => (this.evalConst(e.then, s, ity), this.evalConst(e.else, s, ity)),
        );
        const dead = taken === e.then ? e.else : e.then;
        const v = this.staticFirst(
          () => this.evalConst(taken, s, ity),
          () => this.evalConst(dead, s, ity),
        );
        this.leniently(() => this.evalConst(dead, s, ity));
        return v;
      }
      case 'block':
        return this.evalConst(e.value, this.blockScope(e, s, true), ity);
      case 'match': {
        // Where the expected type is not known here (WIDE), the arms' own type when they have one.
        const t = ity === WIDE ? this.intTypeOf(e, s) : ity;
        const mTy = typeof t === 'object' ? t : ity;
        const arms = this.matchArms(e, s, (a) => this.evalConst(a.value, a.scope, mTy));
        const v = this.staticFirst(
          () => this.evalConst(arms.taken.value, arms.taken.scope, mTy),
          () => arms.dead.forEach((a) => this.evalConst(a.value, a.scope, mTy)),
        );
        this.leniently(() => arms.dead.forEach((a) => this.evalConst(a.value, a.scope, mTy)));
        return v;
      }
      case 'str':
      case 'array':
      case 'repeat':
      case 'ref':
        throw new Abstain(`\`${short(e.text)}\` used as an integer in a constant (rustc: E0308)`);
      case 'call':
      case 'method': {
        const r = this.evalCall(e, s);
        if (typeof r.value === 'boolean' || r.ty === 'bool') throw new Abstain(`a \`bool\` (\`${short(e.text)}\`) used as an integer in a constant`);
        if (ity !== WIDE && !sameInt(r.ty, ity)) this.mismatch(e.text, r.ty, ity);
        return r.value;
      }
      case 'unknown':
        throw new Abstain(`constant expression \`${short(e.text)}\` is not evaluated`);
    }
    throw new Abstain('constant expression not evaluated');
  }

  /** The type `Self` stands for in an associated constant of an impl for `t` (undefined where it is not known here). */
  private selfTyOf(t: TypeExpr, m: ModuleScope, owner: string | undefined): Ty | undefined {
    try {
      const ty = this.host.tyOf(t, { m, generics: new Map(), owner });
      return ty.k === 'unknown' ? undefined : ty;
    } catch (err) {
      if (err instanceof Abstain || err instanceof LayoutError) return undefined;
      throw err;
    }
  }

  /** Runs `f` checking only what rustc checks before evaluating (see `lenient`). */
  private leniently(f: () => void): void {
    this.lenient++;
    try {
      f();
    } finally {
      this.lenient--;
    }
  }

  /** Runs `f` evaluating for real, inside a lenient check too (a constant it names, an array's length). */
  private strictly<T>(f: () => T): T {
    const saved = this.lenient;
    this.lenient = 0;
    try {
      return f();
    } finally {
      this.lenient = saved;
    }
  }

  /**
   * Evaluates `run`; where it fails at run time (E0080), an error rustc finds before it evaluates
   * (a mismatch, a denied lint in `check`, a branch not taken) is the one rustc reports.
   */
  private staticFirst<T>(run: () => T, check: () => void): T {
    try {
      return run();
    } catch (err) {
      if (err instanceof Reject && err.code === 'E0080' && !this.lenient) {
        try {
          this.leniently(check);
        } catch (first) {
          if (first instanceof LayoutError && first.code !== 'E0080') throw first;
        }
      }
      throw err;
    }
  }

  /**
   * The scope a block's value is read in: each `let` bound to its value (evaluated where
   * `evaluate`, else 0: for typing), in its declared type or its initializer's (rustc's inference);
   * an initializer of unsuffixed literals only takes its type from later uses, which are not
   * followed: abstains.
   */
  private blockScope(e: BlockExpr, s: TyScope, evaluate: boolean): TyScope {
    const generics = new Map(s.generics);
    const scope: TyScope = { ...s, generics };
    for (const l of e.lets) {
      const what = `\`let ${l.name}\` in \`${short(e.text)}\``;
      // `let N = 5;` where a constant `N` is in scope is a pattern (refutable: rustc's E0005), not a binding.
      if (!generics.has(l.name) && this.namesValue(l.name, s)) throw new Abstain(`${what}: \`${l.name}\` names an item in scope, which makes the \`let\` a pattern`);
      let ty: IntTy | undefined;
      if (l.ty) {
        ty = this.intTypeIn(l.ty, s.m, s.owner);
        if (!ty) throw new Abstain(`${what}: its type is not an integer type the engine evaluates`);
      } else {
        const t = this.boolValued(l.value, scope) ? 'unknown' : this.intTypeOf(l.value, scope);
        if (t === 'untyped') throw new Abstain(`${what}: its type is inferred from its uses, which are not followed here`);
        if (t === 'unknown') throw new Abstain(`${what}: its type is not known here`);
        ty = t;
      }
      const value = evaluate ? this.evalConst(l.value, scope, ty) : 0n;
      generics.set(l.name, { k: 'const', value, ty });
    }
    return scope;
  }

  /** Whether a lone identifier names an item in the value namespace here (a constant, a unit struct…), or may. */
  private namesValue(name: string, s: TyScope): boolean {
    let found: ReturnType<Resolver['lookupConst']>;
    try {
      found = this.host.resolver.lookupConst(s.m, [name]);
    } catch {
      return true;
    }
    if (found !== undefined) return true;
    try {
      return this.host.resolver.resolveTypePath(s.m, [name], false) !== undefined;
    } catch {
      return true;
    }
  }

  /**
   * The scrutinee's type of a `match` (an integer type, or `bool`): its own, else a suffixed
   * literal's or a typed constant's among the patterns, else i32 (rustc's fallback) when no arm
   * binds it (a binding's uses could decide it).
   */
  private scrutineeType(e: MatchExpr, s: TyScope): IntTy | 'bool' {
    if (this.boolValued(e.scrutinee, s)) return 'bool';
    const t = this.intTypeOf(e.scrutinee, s);
    if (typeof t === 'object') return t;
    if (t === 'unknown') throw new Abstain(`\`${short(e.text)}\`: the type of the matched value is not known here`);
    let binding = false;
    for (const p of e.arms.flatMap((a) => a.pats)) {
      const ends = p.kind === 'lit' ? [p.value] : p.kind === 'range' ? [p.lo, p.hi] : p.kind === 'path' && !this.isBinding(p, s) ? [{ kind: 'path', path: p.path, text: p.text, ...(p.global ? { global: p.global } : {}) } as ConstExpr] : [];
      if (p.kind === 'path' && this.isBinding(p, s)) binding = true;
      if (p.kind === 'lit' && p.value.kind === 'bool') this.patMismatch(p.value, 'integer');
      for (const x of ends) {
        const pt = x ? this.intTypeOf(x, s) : 'untyped';
        if (typeof pt === 'object') return pt;
      }
    }
    if (binding) throw new Abstain(`\`${short(e.text)}\`: the matched value's type is inferred from its binding's uses, which are not followed here`);
    return I32;
  }

  /** A path pattern that binds a name (one lowercase identifier naming nothing in scope) rather than naming a constant. */
  private isBinding(p: Extract<ConstPat, { kind: 'path' }>, s: TyScope): boolean {
    if (p.path.length !== 1 || p.global) return false;
    const name = p.path[0]!;
    return /^[a-z_]/.test(name) && !s.generics.has(name) && !this.namesValue(name, s);
  }

  /**
   * A `match`: its patterns checked as rustc checks them (their types, out-of-range literals,
   * empty ranges E0030/E0579, exhaustiveness E0004), the arm taken (its binding bound) and the
   * others, which are type-checked but not run.
   */
  private matchArms(e: MatchExpr, s: TyScope, check: (a: ArmIn) => void): { taken: ArmIn; dead: ArmIn[] } {
    const what = `\`${short(e.text)}\``;
    for (const a of e.arms) {
      for (const p of a.pats) if (p.kind === 'unknown') throw new Abstain(`${what}: the pattern \`${short(p.text)}\` is not evaluated`);
      if (a.pats.length > 1 && a.pats.some((p) => p.kind === 'path' && this.isBinding(p, s))) throw new Abstain(`${what}: a binding in an or-pattern is not evaluated`);
    }
    const ty = this.scrutineeType(e, s);
    // Each pattern as the values it covers, [lo, hi]; usize and isize have no fixed ends for
    // exhaustiveness (only `X..` covers the top), so their open ends lie beyond MIN and MAX.
    let [domLo, domHi] = [0n, 1n];
    if (ty !== 'bool') {
      const bits = BigInt(ty.size * 8);
      [domLo, domHi] = ty.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
      if (ty.ptr) [domLo, domHi] = [ty.signed ? domLo - 1n : domLo, domHi + 1n];
    }
    const end = (x: ConstExpr): bigint => {
      if (ty === 'bool') {
        if (x.kind === 'bool') return x.value ? 1n : 0n;
        if (x.kind === 'path' && this.boolConst(x, s)) return this.evalBool(x, s) ? 1n : 0n;
        if (x.kind === 'int' || (x.kind === 'unary' && x.operand.kind === 'int')) this.patMismatch(x, 'bool');
        throw new Abstain(`${what}: a pattern of the \`bool\` matched is not evaluated`);
      }
      if (x.kind === 'bool' || isCharLiteral(x)) this.patMismatch(x, intTyName(ty));
      // `-1` against an unsigned type: rustc finds no `Neg` for it (E0277).
      if (x.kind === 'unary' && x.op === '-' && !ty.signed) throw new Reject('E0277', `the trait bound \`${intTyName(ty)}: Neg\` is not satisfied (the pattern in ${what})`);
      // A local or a const parameter's name in a pattern is a new binding, or E0158: not evaluated.
      if (x.kind === 'path' && x.path.length === 1 && s.generics.has(x.path[0]!)) throw new Abstain(`${what}: the pattern \`${x.text}\` names a local or a const parameter`);
      if (x.kind === 'path') {
        // A constant (not a static, E0530; not an enum's variant, E0308).
        let found: ReturnType<Resolver['lookupConst']>;
        try {
          found = this.host.resolver.lookupConst(s.m, x.path, x.global === true);
        } catch {
          found = undefined;
        }
        if ((found && 'item' in found && found.item.kind !== 'const') || (!found && x.path.length >= 2 && this.host.variantDiscriminant(s.m, x.path) !== undefined)) {
          throw new Abstain(`${what}: the pattern \`${x.text}\` is not a constant`);
        }
      }
      return this.strictly(() => this.evalConst(x, s, ty));
    };
    const covered: [bigint, bigint][] = [];
    let all = false;
    const arms = e.arms.map((a) => ({ arm: a, ranges: [] as ([bigint, bigint] | 'bind' | 'all')[] }));
    for (const { arm, ranges } of arms) {
      for (const p of arm.pats) {
        if (p.kind === 'wild') ranges.push('all');
        else if (p.kind === 'path' && this.isBinding(p, s)) ranges.push('bind');
        else if (p.kind === 'lit' || p.kind === 'path') {
          const v = end(p.kind === 'lit' ? p.value : { kind: 'path', path: p.path, text: p.text, ...(p.global ? { global: p.global } : {}) });
          ranges.push([v, v]);
        } else if (p.kind === 'range') {
          if (ty === 'bool') throw new Abstain(`${what}: a range pattern of a \`bool\` is not evaluated`);
          const lo = p.lo ? end(p.lo) : domLo;
          let hi = p.hi ? end(p.hi) : domHi;
          if (p.lo && p.hi && p.inclusive && lo > hi) throw new Reject('E0030', `lower bound for range pattern must be less than or equal to upper bound (\`${short(p.text)}\`)`);
          if (p.hi && !p.inclusive) {
            if (p.lo && lo >= hi) throw new Reject('E0579', `lower bound for range pattern must be less than upper bound (\`${short(p.text)}\`)`);
            hi -= 1n;
          }
          ranges.push([lo, hi]);
        }
        const r = ranges[ranges.length - 1];
        if (r === 'all' || r === 'bind') all = true;
        else if (r) covered.push(r);
      }
    }
    if (!all) {
      covered.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      let next = domLo;
      for (const [lo, hi] of covered) {
        if (lo > next) break;
        if (hi + 1n > next) next = hi + 1n;
      }
      if (next <= domHi) throw new Reject('E0004', `non-exhaustive patterns: ${what} does not cover every value of \`${ty === 'bool' ? 'bool' : intTyName(ty)}\``);
    }
    const scrut = e.scrutinee;
    const v = this.staticFirst(
      () => (ty === 'bool' ? (this.evalBool(scrut, s) ? 1n : 0n) : this.evalConst(scrut, s, ty)),
      () => arms.forEach(({ arm }) => check({ value: arm.value, scope: this.armScope(arm, 0n, ty, s) })),
    );
    let taken: ArmIn | undefined;
    const dead: ArmIn[] = [];
    for (const { arm, ranges } of arms) {
      const hit = !taken && ranges.some((r) => r === 'all' || r === 'bind' || (v >= r[0] && v <= r[1]));
      const a = { value: arm.value, scope: this.armScope(arm, v, ty, s) };
      if (hit) taken = a;
      else dead.push(a);
    }
    if (!taken) throw new Abstain(`${what}: no arm matches`);
    return { taken, dead };
  }

  /** The scope an arm's value is read in: with its binding (`n => n * 2`) bound to the matched value. */
  private armScope(arm: MatchExpr['arms'][number], v: bigint, ty: IntTy | 'bool', s: TyScope): TyScope {
    const p = arm.pats[0];
    if (arm.pats.length !== 1 || !p || p.kind !== 'path' || !this.isBinding(p, s)) return s;
    if (ty === 'bool') throw new Abstain(`a \`bool\` bound by a \`match\` arm (\`${p.text}\`) is not evaluated`);
    const generics = new Map(s.generics);
    generics.set(p.path[0]!, { k: 'const', value: v, ty });
    return { ...s, generics };
  }

  private patMismatch(x: ConstExpr, expected: string): never {
    const found = x.kind === 'bool' ? 'bool' : isCharLiteral(x) ? 'char' : 'integer';
    throw new Reject('E0308', `mismatched types: expected \`${expected}\`, found \`${found}\` (a \`match\` pattern)`);
  }

  /**
   * The length of what `.len()` is called on, where it is a string, a byte string, an array (or a
   * reference to one) or a constant of such a type (`const NAME: &str = "abc"`): undefined when
   * the receiver is none of these; abstains when it is one but its length or elements are not read.
   */
  private seqLen(e: ConstExpr, s: TyScope): bigint | undefined {
    switch (e.kind) {
      case 'str':
        return BigInt(e.len);
      case 'ref':
        return this.seqLen(e.expr, s);
      case 'array':
      case 'repeat':
        return this.arrayLen(e, s, undefined);
      case 'method':
        // `"abc".as_bytes()`: the string's bytes.
        if (e.name === 'as_bytes' && !e.args.length && this.seqKind(e.receiver, s) === 'str') return this.seqLen(e.receiver, s);
        return undefined;
      case 'path': {
        const c = this.seqConst(e, s);
        if (!c) return undefined;
        return this.strictly(() => this.constSeqLen(c.item, c.scope, e.text));
      }
      default:
        return undefined;
    }
  }

  /** What a `.len()` receiver is: a `str`, an array or slice, or neither (undefined). */
  private seqKind(e: ConstExpr, s: TyScope): 'str' | 'seq' | undefined {
    switch (e.kind) {
      case 'str':
        return e.bytes ? 'seq' : 'str';
      case 'ref':
        return this.seqKind(e.expr, s);
      case 'array':
      case 'repeat':
        return 'seq';
      case 'method':
        return e.name === 'as_bytes' && !e.args.length && this.seqKind(e.receiver, s) === 'str' ? 'seq' : undefined;
      case 'path': {
        const c = this.seqConst(e, s);
        if (!c) return undefined;
        const t = c.item.ty!;
        const inner = t.kind === 'ref' ? t.inner : t;
        return inner.kind === 'path' ? 'str' : 'seq';
      }
      default:
        return undefined;
    }
  }

  /**
   * A path to a constant whose declared type is `&str`, an array (`[T; N]`, `&[T; N]`) or a
   * slice (`&[T]`), with the scope its value is read in; undefined for anything else.
   */
  private seqConst(e: Extract<ConstExpr, { kind: 'path' }>, s: TyScope): { item: ConstDef; scope: TyScope } | undefined {
    if (e.path.length === 1 && s.generics.has(e.path[0]!)) return undefined;
    const segs = e.path[0] === 'Self' && s.selfPath && e.path.length > 1 ? [...s.selfPath, ...e.path.slice(1)] : e.path;
    let found: ReturnType<Resolver['lookupConst']>;
    try {
      found = this.host.resolver.lookupConst(s.m, segs, e.global === true);
    } catch {
      return undefined;
    }
    if (!found || 'unknown' in found || found.item.kind !== 'const' || !found.item.ty) return undefined;
    const t = found.item.ty;
    const inner = t.kind === 'ref' && !t.mutable ? t.inner : t;
    const isStr = t.kind === 'ref' && inner.kind === 'path' && !inner.global && !inner.qualified && inner.segments.length === 1 && inner.segments[0]!.name === 'str' && !found.m.types.has('str');
    if (!isStr && inner.kind !== 'array' && !(inner.kind === 'slice' && t.kind === 'ref')) return undefined;
    const own = !found.m.crate.frozen ? refKey('v', found.m, found.item) : undefined;
    if (own !== undefined) this.host.addRef(s.owner, own);
    return { item: found.item, scope: { m: found.m, generics: new Map(), owner: own, selfPath: found.selfPath, lints: [found.item.attrs] } };
  }

  /** The length of a constant's value of type `&str`, `[T; N]`, `&[T; N]` or `&[T]`, checked against that type. */
  private constSeqLen(item: { readonly ty?: TypeExpr; readonly value?: ConstExpr; readonly name: string }, s: TyScope, text: string): bigint {
    const t = item.ty!;
    const v = item.value;
    const what = `\`${short(text)}\``;
    if (!v || (v.kind !== 'str' && v.kind !== 'ref' && v.kind !== 'array' && v.kind !== 'repeat')) throw new Abstain(`${what}: the value of \`${item.name}\` is not read`);
    const inner = t.kind === 'ref' ? t.inner : t;
    const value = v.kind === 'ref' ? v.expr : v;
    // A reference where the type has one, and none where it has none (else E0308, left to rustc).
    if ((t.kind === 'ref') !== (v.kind === 'ref' || v.kind === 'str')) throw new Abstain(`${what}: the value of \`${item.name}\` does not have its declared type`);
    if (inner.kind === 'path') {
      if (value.kind !== 'str' || value.bytes || v.kind === 'ref') throw new Abstain(`${what}: the value of \`${item.name}\` is not a string literal`);
      return BigInt(value.len);
    }
    if (inner.kind !== 'array' && inner.kind !== 'slice') throw new Abstain(`${what}: the type of \`${item.name}\` is not read`);
    const elem = this.intTypeIn(inner.elem, s.m, s.owner);
    let len: bigint;
    if (value.kind === 'str') {
      if (!value.bytes || !elem || elem.size !== 1 || elem.signed || elem.ptr || v.kind === 'ref') throw new Abstain(`${what}: the value of \`${item.name}\` does not have its declared type`);
      len = BigInt(value.len);
    } else if (value.kind === 'array' || value.kind === 'repeat') {
      if (!elem) throw new Abstain(`${what}: the elements of \`${item.name}\` are not of an integer type the engine evaluates`);
      len = this.arrayLen(value, s, elem);
    } else throw new Abstain(`${what}: the value of \`${item.name}\` is not read`);
    if (inner.kind === 'array') {
      const n = this.evalConst(inner.len, s, this.usize());
      if (n !== len) throw new Reject('E0308', `mismatched types: expected an array with a size of ${n}, found one with a size of ${len} (\`${item.name}\`)`);
    }
    return len;
  }

  /**
   * An array expression's length, its elements evaluated (in `elem`, else the type they give: a
   * suffix or a typed constant, i32 for unsuffixed literals alone) and its repeat count (a usize
   * constant, evaluated even in a branch not taken).
   */
  private arrayLen(e: Extract<ConstExpr, { kind: 'array' | 'repeat' }>, s: TyScope, elem: IntTy | undefined): bigint {
    const items = e.kind === 'array' ? e.elems : [e.elem];
    let ty = elem;
    if (!ty) {
      for (const x of items) {
        if (this.boolValued(x, s)) throw new Abstain(`\`${short(e.text)}\`: an array of \`bool\` is not evaluated`);
        const t = this.intTypeOf(x, s);
        if (t === 'unknown') throw new Abstain(`\`${short(e.text)}\`: the type of its elements is not known here`);
        if (typeof t === 'object') {
          ty = t;
          break;
        }
      }
    }
    const elTy = ty ?? I32;
    for (const x of items) this.evalConst(x, s, elTy);
    return e.kind === 'array' ? BigInt(e.elems.length) : this.strictly(() => this.evalConst(e.count, s, this.usize()));
  }

  /** An integer of one type where another is expected: rustc's E0308 (integers never convert implicitly). */
  private mismatch(what: string, found: IntTy, expected: IntTy): never {
    throw new Reject('E0308', `mismatched types: expected \`${intTyName(expected)}\`, found \`${intTyName(found)}\` (\`${short(what)}\`)`);
  }

  /**
   * What `recv.name(args)` or `T::name(recv, args)` calls, for an integer receiver: its receiver's
   * type and the method's types (src/core/intMethods.ts); a reason when it is not evaluated here.
   * `unwrap()`/`expect(..)` read the `Option` of a checked method.
   */
  private callShape(e: CallExpr, s: TyScope): { name: string; recvTy: IntTy; recv: ConstExpr; args: readonly ConstExpr[]; unwrap: boolean } | string {
    const what = `\`${short(e.text)}\``;
    if (e.kind === 'method' && (e.name === 'unwrap' || e.name === 'expect')) {
      if ((e.receiver.kind !== 'method' && e.receiver.kind !== 'call') || e.args.length !== (e.name === 'expect' ? 1 : 0)) return `${what} is not evaluated`;
      const inner = this.callShape(e.receiver, s);
      if (typeof inner === 'string') return inner;
      if (inner.unwrap || intMethodTypes(inner.name, inner.recvTy)?.result !== 'option') return `${what} is not evaluated`;
      return { ...inner, unwrap: true };
    }
    if (e.kind === 'method') {
      const t = this.intTypeOf(e.receiver, s);
      // rustc cannot pick the method of an unsuffixed literal's `{integer}` (E0689).
      if (t === 'untyped') return `${what}: the receiver's integer type is ambiguous (rustc: E0689)`;
      if (t === 'unknown') return `${what} is not evaluated (its receiver's type is not known here)`;
      return { name: e.name, recvTy: t, recv: e.receiver, args: e.args, unwrap: false };
    }
    // `u32::pow(2, 5)`: a primitive integer type's method called by path, the first argument its receiver.
    if (e.typeArgs) return `function call ${what} is not evaluated`;
    const [ty, name] = e.callee;
    const recvTy = e.callee.length === 2 && this.primitiveOwner(e.callee, false, s, 'fn') !== undefined ? this.intNamed(ty!) : undefined;
    if (!recvTy || !e.args.length) return `function call ${what} is not evaluated`;
    return { name: name!, recvTy, recv: e.args[0]!, args: e.args.slice(1), unwrap: false };
  }

  /**
   * The crate's own `const fn` a call names (`twice(N)`, `util::words(8)`), with what evaluating it
   * needs; undefined when the callee is something else (a primitive's method, or not found).
   */
  private constFnCallee(e: CallExpr, s: TyScope): { f: ConstFnDef; name: string; m: ModuleScope; owner: string | undefined; attrs: readonly Attribute[] } | undefined {
    if (e.kind !== 'call') return undefined;
    if (e.callee.length === 2 && this.primitiveOwner(e.callee, false, s, 'fn') !== undefined) return undefined;
    let found: ReturnType<Resolver['lookupConst']>;
    try {
      found = this.host.resolver.lookupConst(s.m, e.callee);
    } catch {
      return undefined;
    }
    if (!found) return undefined;
    const what = `\`${short(e.text)}\``;
    if ('unknown' in found) throw new Abstain(`${what}: \`${e.callee.join('::')}\` is not known: ${found.unknown}`);
    if (found.item.kind !== 'fn') return undefined;
    const name = found.item.name;
    if (!found.item.constFn) throw new Abstain(`${what} calls \`${name}\`, which is not a \`const fn\` the engine evaluates`);
    const owner = !found.m.crate.frozen ? refKey('v', found.m, found.item) : undefined;
    if (owner !== undefined) this.host.addRef(s.owner, owner);
    return { f: found.item.constFn, name, m: found.m, owner, attrs: found.item.attrs };
  }

  /** The integer type a `const fn` returns, where it is declared; undefined when not one known here. */
  private constFnResult(c: NonNullable<ReturnType<ConstEval['constFnCallee']>>): IntTy | undefined {
    return c.f.ret ? this.intTypeIn(c.f.ret, c.m, c.owner) : undefined;
  }

  /**
   * A call of the crate's own `const fn`: its integer parameters bound to the arguments (each
   * evaluated as its parameter's type), its one-expression body evaluated as its return type.
   */
  private evalConstFn(e: CallExpr, c: NonNullable<ReturnType<ConstEval['constFnCallee']>>, s: TyScope): { ty: IntTy; value: bigint } {
    const what = `\`${short(e.text)}\``;
    const { f, name } = c;
    if (!f.params) throw new Abstain(`${what}: a parameter of \`${name}\` is a pattern, which is not evaluated`);
    if (f.params.length !== e.args.length) throw new Abstain(`${what}: \`${name}\` takes ${f.params.length} argument(s)`);
    const ret = this.constFnResult(c);
    if (!ret) throw new Abstain(`${what}: \`${name}\` does not return an integer type the engine evaluates`);
    const generics = new Map<string, GArg>();
    // `gsz::<u64>()`: the turbofish's types bound to the function's type parameters.
    const targs = e.kind === 'call' ? (e.typeArgs ?? []).filter((a) => a.kind !== 'lifetime') : [];
    const tparams = f.typeParams ?? [];
    if (tparams.length && !targs.length) throw new Abstain(`${what}: the type arguments of \`${name}\` are inferred, which is not followed here`);
    if (targs.length !== tparams.length) throw new Abstain(`${what}: \`${name}\` takes ${tparams.length} type argument(s) (rustc: E0107)`);
    targs.forEach((a, i) => {
      if (a.kind !== 'type') throw new Abstain(`${what}: a type argument of \`${name}\` is not a type`);
      generics.set(tparams[i]!, { k: 'ty', ty: this.host.tyOf(a.ty, s) });
    });
    f.params.forEach((p, i) => {
      const ty = this.intTypeIn(p.ty, c.m, c.owner);
      if (!ty) throw new Abstain(`${what}: the parameter \`${p.name}\` of \`${name}\` is not of an integer type the engine evaluates`);
      generics.set(p.name, { k: 'const', value: this.evalConst(e.args[i]!, s, ty), ty });
    });
    // In a branch not taken, the call's types are checked, not its body (it never runs).
    if (this.lenient) return { ty: ret, value: 0n };
    if (this.constDepth >= MAX_CONST_DEPTH) throw new Abstain(`constants defined through more than ${MAX_CONST_DEPTH} other constants or calls are not evaluated`);
    this.constDepth++;
    try {
      return { ty: ret, value: this.evalConst(f.body, { m: c.m, generics, owner: c.owner, lints: [c.attrs] }, ret) };
    } finally {
      this.constDepth--;
    }
  }

  private evalCall(e: CallExpr, s: TyScope): { ty: IntTy | 'bool'; value: bigint | boolean } {
    // `"héllo".len()` (bytes), `b"xyz".len()`, `[0u8; 7].len()`, `NAME.len()`: a usize.
    if (e.kind === 'method' && e.name === 'len' && !e.args.length) {
      const n = this.seqLen(e.receiver, s);
      if (n !== undefined) return { ty: this.usize(), value: n };
    }
    const own = this.constFnCallee(e, s);
    if (own) return this.evalConstFn(e, own, s);
    const shape = this.callShape(e, s);
    if (typeof shape === 'string') throw new Abstain(shape);
    // `Ord`'s methods are not `const`: rustc refuses them in a constant.
    if (['min', 'max', 'clamp'].includes(shape.name)) throw new Reject('E0658', `cannot call conditionally-const method \`Ord::${shape.name}\` in constants (\`${short(e.text)}\`)`);
    const sig = intMethodTypes(shape.name, shape.recvTy);
    if (!sig || sig.args.length !== shape.args.length) throw new Abstain(`\`${short(e.text)}\` is not evaluated (\`${shape.name}\` is not a method the engine evaluates)`);
    if (sig.result === 'option' && !shape.unwrap) throw new Abstain(`an \`Option\` (\`${short(e.text)}\`) used as an integer in a constant`);
    const v = this.evalConst(shape.recv, s, shape.recvTy);
    const args = shape.args.map((a, i) => this.evalConst(a, s, sig.args[i]!));
    let value: bigint | boolean | null;
    try {
      value = applyIntMethod(shape.name, shape.recvTy, v, args, this.host.target.cfg['target_endian']?.[0] === 'big');
    } catch (err) {
      // In a branch not taken, a panic never happens.
      if (err instanceof ConstPanic && this.lenient) value = 0n;
      else if (err instanceof ConstPanic) throw new Reject('E0080', `evaluation of constant value failed: ${err.message}`);
      else throw err;
    }
    if (value === null && this.lenient) value = 0n;
    if (value === null) throw new Reject('E0080', 'evaluation of constant value failed: called `Option::unwrap()` on a `None` value');
    return { ty: sig.result === 'option' ? sig.inner! : sig.result, value };
  }

  /** A `bool` constant expression: comparisons of integers, `&&`, `||`, `!`, literals, bool constants. */
  private evalBool(e: ConstExpr, s: TyScope): boolean {
    if (e.kind === 'bool') return e.value;
    if (e.kind === 'unknown' && CFG_MACRO.test(e.text)) {
      // `cfg!(target_pointer_width = "64")`: the predicate of a `#[cfg]`, decided as the crate's items' are.
      const pred = parseCfgAttr(e.text.replace(/^cfg\s*!\s*/, 'cfg'));
      if (pred.kind === 'unknown') throw new Abstain(`\`${short(e.text)}\`: the predicate is not read here`);
      const crate = s.m.crate;
      const unsure = crate.unsure([pred]);
      if (unsure !== undefined) throw new Abstain(`\`${short(e.text)}\` depends on ${unsure}`);
      return crate.active([pred]);
    }
    if (e.kind === 'unary' && e.op === '!') return !this.evalBool(e.operand, s);
    if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) {
      const l = this.staticFirst(
        () => this.evalBool(e.left, s),
        () => this.evalBool(e.right, s),
      );
      if (e.op === '&&' ? l : !l) return this.evalBool(e.right, s);
      // The operand short-circuited is checked as a branch not taken (`true || 300u8 > 0`: the literal is out of range).
      this.leniently(() => this.evalBool(e.right, s));
      return l;
    }
    if (e.kind === 'if') {
      const taken = this.staticFirst(
        () => (this.evalBool(e.cond, s) ? e.then : e.else),
        () => (this.evalBool(e.then, s), this.evalBool(e.else, s)),
      );
      const dead = taken === e.then ? e.else : e.then;
      const v = this.staticFirst(
        () => this.evalBool(taken, s),
        () => this.evalBool(dead, s),
      );
      this.leniently(() => this.evalBool(dead, s));
      return v;
    }
    if (e.kind === 'block') return this.evalBool(e.value, this.blockScope(e, s, true));
    if (e.kind === 'match') {
      const arms = this.matchArms(e, s, (a) => this.evalBool(a.value, a.scope));
      const v = this.staticFirst(
        () => this.evalBool(arms.taken.value, arms.taken.scope),
        () => arms.dead.forEach((a) => this.evalBool(a.value, a.scope)),
      );
      this.leniently(() => arms.dead.forEach((a) => this.evalBool(a.value, a.scope)));
      return v;
    }
    if ((e.kind === 'method' || e.kind === 'call') && isBoolExpr(e)) {
      const r = this.evalCall(e, s);
      if (typeof r.value === 'boolean') return r.value;
    }
    // `B` (a `bool` constant), `!B`, `B & C`: logical, not bitwise.
    if (e.kind === 'path') {
      const found = this.boolConst(e, s);
      if (found && !('unknown' in found) && found.item.kind === 'const' && found.item.value) {
        if (this.constDepth >= MAX_CONST_DEPTH) throw new Abstain(`constants defined through more than ${MAX_CONST_DEPTH} other constants are not evaluated`);
        this.constDepth++;
        try {
          return this.evalBool(found.item.value, { m: found.m, generics: new Map(), owner: s.owner, selfPath: found.selfPath });
        } finally {
          this.constDepth--;
        }
      }
    }
    if (e.kind === 'binary' && (e.op === '&' || e.op === '|' || e.op === '^') && this.boolValued(e, s)) {
      const l = this.evalBool(e.left, s);
      const r = this.evalBool(e.right, s);
      return e.op === '&' ? l && r : e.op === '|' ? l || r : l !== r;
    }
    if (e.kind === 'binary' && BOOL_OPS.has(e.op)) {
      // Both sides in their one integer type (`!0u8 > 5` is u8 arithmetic); unsuffixed literals
      // alone are i32, as rustc falls back; a side whose type is not read here, wide.
      const lt = this.intTypeOf(e.left, s);
      const rt = this.intTypeOf(e.right, s);
      const wide = typeof lt === 'object' ? lt : typeof rt === 'object' ? rt : lt === 'untyped' && rt === 'untyped' ? I32 : WIDE;
      const l = this.evalConst(e.left, s, wide);
      const r = this.evalConst(e.right, s, wide);
      switch (e.op) {
        case '<': return l < r;
        case '>': return l > r;
        case '<=': return l <= r;
        case '>=': return l >= r;
        case '==': return l === r;
        case '!=': return l !== r;
      }
    }
    return this.evalConst(e, s, WIDE) !== 0n;
  }

  /** A path to a constant declared `bool` (where it is declared), else undefined. */
  private boolConst(e: Extract<ConstExpr, { kind: 'path' }>, s: TyScope): ReturnType<Resolver['lookupConst']> {
    if (e.path.length === 1 && s.generics.has(e.path[0]!)) return undefined;
    let found: ReturnType<Resolver['lookupConst']>;
    try {
      found = this.host.resolver.lookupConst(s.m, e.path, e.global === true);
    } catch {
      return undefined;
    }
    if (!found || 'unknown' in found || found.item.kind !== 'const' || !found.item.ty) return undefined;
    const ty = found.item.ty;
    return ty.kind === 'path' && ty.segments.length === 1 && ty.segments[0]!.name === 'bool' && !found.m.types.has('bool') ? found : undefined;
  }

  /** Whether a constant expression is a `bool` (a comparison, `!` of one, a `bool` constant, `B & C`…). */
  private boolValued(e: ConstExpr, s: TyScope, depth = 0): boolean {
    if (isBoolExpr(e)) return true;
    if (depth > 64) return false;
    if (e.kind === 'path') return this.boolConst(e, s) !== undefined;
    if (e.kind === 'unary' && e.op === '!') return this.boolValued(e.operand, s, depth + 1);
    if (e.kind === 'binary' && (e.op === '&' || e.op === '|' || e.op === '^')) return this.boolValued(e.left, s, depth + 1) || this.boolValued(e.right, s, depth + 1);
    return false;
  }

  /**
   * The integer type of a constant expression written without an expected type (a cast's
   * operand): from a literal's suffix, a constant's declared type, an inner cast or
   * `size_of`; 'untyped' when only unsuffixed literals decide it (rustc falls back to i32);
   * 'unknown' when it is not read here (a constant of an alias type, a bool, `as _`).
   */
  private intTypeOf(e: ConstExpr, s: TyScope, depth = 0): { size: number; signed: boolean } | 'untyped' | 'unknown' {
    if (depth > 64) return 'unknown';
    switch (e.kind) {
      case 'int': {
        if (e.text.startsWith("b'")) return U8;
        if (e.text.startsWith("'")) return 'unknown';
        const suffix = /(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/.exec(e.text)?.[1];
        return suffix === undefined ? 'untyped' : this.intNamed(suffix)!;
      }
      case 'unary':
        return this.intTypeOf(e.operand, s, depth + 1);
      case 'binary': {
        if (e.op === '<<' || e.op === '>>') return this.intTypeOf(e.left, s, depth + 1);
        if (!['+', '-', '*', '/', '%', '&', '|', '^'].includes(e.op)) return 'unknown';
        const l = this.intTypeOf(e.left, s, depth + 1);
        if (typeof l === 'object') return l;
        const r = this.intTypeOf(e.right, s, depth + 1);
        if (typeof r === 'object') return r;
        return l === 'untyped' && r === 'untyped' ? 'untyped' : 'unknown';
      }
      case 'cast':
        return this.intTypeIn(e.ty, s.m, s.owner) ?? 'unknown';
      case 'sizeOf':
      case 'alignOf':
        return this.usize();
      case 'if': {
        const t = this.intTypeOf(e.then, s, depth + 1);
        return typeof t === 'object' ? t : this.intTypeOf(e.else, s, depth + 1);
      }
      case 'block': {
        let inner: TyScope;
        try {
          inner = this.blockScope(e, s, false);
        } catch (err) {
          if (err instanceof Abstain || err instanceof LayoutError) return 'unknown';
          throw err;
        }
        return this.intTypeOf(e.value, inner, depth + 1);
      }
      case 'match': {
        // The arms' one type: the first that has one (the others must agree: checked when evaluated).
        let scrutTy: IntTy | 'bool' | undefined;
        let untyped = true;
        for (const a of e.arms) {
          let scope = s;
          const p = a.pats[0];
          if (a.pats.length === 1 && p?.kind === 'path' && this.isBinding(p, s)) {
            try {
              scrutTy ??= this.scrutineeType(e, s);
              scope = this.armScope(a, 0n, scrutTy, s);
            } catch (err) {
              if (err instanceof Abstain || err instanceof LayoutError) return 'unknown';
              throw err;
            }
          }
          const t = this.intTypeOf(a.value, scope, depth + 1);
          if (typeof t === 'object') return t;
          if (t === 'unknown') untyped = false;
        }
        return untyped && e.arms.length ? 'untyped' : 'unknown';
      }
      case 'call':
      case 'method': {
        if (e.kind === 'method' && e.name === 'len' && !e.args.length && this.seqKind(e.receiver, s)) return this.usize();
        let own: ReturnType<ConstEval['constFnCallee']>;
        try {
          own = this.constFnCallee(e, s);
        } catch {
          return 'unknown';
        }
        if (own) return this.constFnResult(own) ?? 'unknown';
        const shape = this.callShape(e, s);
        if (typeof shape === 'string') return 'unknown';
        const sig = intMethodTypes(shape.name, shape.recvTy);
        const r = sig?.result;
        return r === 'option' ? (shape.unwrap ? sig!.inner! : 'unknown') : r && r !== 'bool' ? r : 'unknown';
      }
      case 'path': {
        if (e.path.length === 1 && s.generics.has(e.path[0]!)) {
          const g = s.generics.get(e.path[0]!)!;
          return g.k === 'const' && g.ty ? g.ty : 'unknown';
        }
        // `u8::MAX` is a u8, `u8::BITS` a u32 (unless the module has a type of that name).
        const prim = this.primitiveOwner(e.path, e.global === true, s, 'const');
        if (prim !== undefined) {
          const ty = prim;
          const name = e.path[e.path.length - 1]!;
          if (name === 'BITS' && this.intNamed(ty)) return { size: 4, signed: false };
          if ((name === 'MAX' || name === 'MIN') && this.intNamed(ty)) return this.intNamed(ty)!;
        }
        let found: ReturnType<Resolver['lookupConst']>;
        try {
          found = this.host.resolver.lookupConst(s.m, e.path, e.global === true);
        } catch {
          return 'unknown';
        }
        if (!found || 'unknown' in found || !('ty' in found.item) || !found.item.ty) return 'unknown';
        // Its declared type where it is declared (a primitive the module does not shadow, or an alias to one).
        return this.intTypeIn(found.item.ty as TypeExpr, found.m, s.owner) ?? 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  usize(): IntTy {
    return { size: this.host.target.pointerSize, signed: false, ptr: true };
  }

  /** The integer type a primitive name (`u8`, `usize`…) stands for on the target. */
  /**
   * The primitive type whose associated constant or function a path names (`u8::MAX`,
   * `std::u32::BITS`, `u32::pow`), resolved as rustc resolves it: the path as written first (a
   * crate's own `mod u8 { pub const MAX: u16 = 7; }`, an imported struct `u16` with an associated
   * `MAX`); only when its first segment names nothing, or names a module without the item, does it
   * fall back to the primitive type of that name. Undefined when the path does not name the
   * primitive's item. Functions in a crate's modules are not recorded: `u32::pow` with a local
   * `mod u32` is not taken for the primitive's.
   */
  private primitiveOwner(path: readonly string[], global: boolean, s: TyScope, what: 'const' | 'fn'): string | undefined {
    if (global) return undefined;
    if (path.length === 3) {
      if (path[0] !== 'std' && path[0] !== 'core') return undefined;
      const root = this.host.resolver.firstSegment(s.m, path[0]);
      return root?.k === 'module' && root.m.crate.isStd && PRIMITIVES.has(path[1]!) ? path[1] : undefined;
    }
    const head = path[0]!;
    if (path.length !== 2 || !PRIMITIVES.has(head)) return undefined;
    const b = this.host.resolver.firstSegment(s.m, head);
    if (b === undefined || b.k === 'prim') return head;
    switch (b.k) {
      case 'module':
        if (b.m.crate.isStd) return head;
        return what === 'const' && this.host.resolver.lookupConst(b.m, [path[1]!]) === undefined ? head : undefined;
      case 'extern':
        // Unknown only through a glob import gated by a build script's cfg: taken as the primitive
        // (such a glob bringing a module `u8` is far-fetched); a name itself so gated is unknown.
        return b.reason !== undefined && !s.m.unsureTypes.has(head) ? head : undefined;
      case 'item':
        return undefined;
    }
  }

  /**
   * `size_of::<T>()` and `align_of::<T>()` are std's only if their path leads there: a crate's own
   * `const fn size_of`, or one imported from a module of its own, is not evaluated.
   */
  private checkStdMemFn(callee: readonly string[], global: boolean, s: TyScope): void {
    const name = callee[callee.length - 1]!;
    const what = `\`${callee.join('::')}\``;
    if (callee.length === 1 && !global) {
      const f = this.host.resolver.lookupConst(s.m, callee);
      if (f === undefined || ('item' in f && f.m.crate.isStd)) return;
      if ('unknown' in f) throw new Abstain(`${what} is not known: ${f.unknown}`);
      throw new Abstain(`${what} is the crate's own function (in \`${f.m.displayPath || 'crate'}\`), which constants here do not evaluate`);
    }
    const owner = this.host.resolver.resolveTypePath(s.m, callee.slice(0, -1), global);
    if (owner?.k === 'module' && owner.m.crate.isStd && owner.m.path[owner.m.path.length - 1] === 'mem') return;
    if (owner?.k === 'extern' && owner.reason !== undefined) throw new Abstain(`${what} is not known: ${owner.reason}`);
    if (owner?.k === 'module' && !owner.m.crate.isStd && this.host.resolver.lookupConst(owner.m, [name]) !== undefined) {
      throw new Abstain(`${what} is the crate's own function, which constants here do not evaluate`);
    }
    throw new Abstain(`${what} does not name std's \`mem::${name}\` here`);
  }

  private intNamed(n: string): IntTy | undefined {
    if (n === 'usize' || n === 'isize') return { size: this.host.target.pointerSize, signed: n === 'isize', ptr: true };
    const i = INT_NAMES[n];
    return i ? { size: i[0], signed: i[1] } : undefined;
  }

  /** A constant's declared type, where it is declared: an integer type, else WIDE (not an integer here). */
  private constType(t: TypeExpr, m: ModuleScope, owner: string | undefined): IntTy {
    return this.intTypeIn(t, m, owner) ?? WIDE;
  }

  /**
   * The integer type a written type is, in module `m`: a primitive name (unless the module has a
   * type of that name), or an alias or path to one (`c_uint`, `type A = u8`, `libc::mode_t`,
   * `core::primitive::u16`). Undefined for any other type, or one not known here.
   */
  intTypeIn(t: TypeExpr, m: ModuleScope, owner: string | undefined): IntTy | undefined {
    if (t.kind !== 'path' || t.qualified) return undefined;
    if (t.segments.length === 1 && !t.global && !m.types.has(t.segments[0]!.name)) {
      const prim = this.intNamed(t.segments[0]!.name);
      if (prim) return prim;
    }
    let ty: Ty;
    try {
      ty = this.host.tyOf(t, { m, generics: new Map(), owner });
    } catch (err) {
      if (err instanceof Abstain || err instanceof LayoutError) return undefined;
      throw err;
    }
    return ty.k === 'int' ? this.intNamed(ty.name) : undefined;
  }
}
