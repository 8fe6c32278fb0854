/**
 * Hunt W: what the editor shows against what the command line says, in the real extension host.
 * Driven by scripts/hunt-editor.mjs, which runs `node dist/cli.js --json` on each crate first and
 * passes the expected titles in the plan file `RLL_HUNT_PLAN`; every finding is appended as one
 * JSON line to `RLL_HUNT_OUT`. For each file of the plan: open it, wait until its CodeLens titles
 * settle, compare each type's title with the CLI's, hover a sample of fields and compare offset
 * and size, and (files marked `edit`) type in a comment, insert a blank line above a type, change
 * a field's type, undo each, and check the titles come back. Records, never fails on a finding.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, hoverText } from '../integration/helpers';

interface PlanField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}
interface PlanType {
  readonly line: number;
  readonly name: string;
  readonly title: string;
  readonly instances?: readonly { type: string; size: number; align: number }[];
  readonly fields?: readonly PlanField[];
}
interface PlanFile {
  readonly path: string;
  readonly types: readonly PlanType[];
  readonly edit?: boolean;
}
interface PlanCrate {
  readonly crate: string;
  readonly files: readonly PlanFile[];
}
interface Plan {
  readonly variant: string;
  /** Paths are relative to the workspace folder (else absolute). */
  readonly inWorkspace?: boolean;
  readonly crates: readonly PlanCrate[];
}

const planPath = process.env.RLL_HUNT_PLAN ?? '';
const outPath = process.env.RLL_HUNT_OUT ?? '';
const plan: Plan = planPath ? (JSON.parse(fs.readFileSync(planPath, 'utf8')) as Plan) : { variant: 'none', crates: [] };

function record(o: Record<string, unknown>): void {
  if (outPath) fs.appendFileSync(outPath, JSON.stringify({ variant: plan.variant, ...o }) + '\n');
}

interface Lens {
  readonly line: number;
  readonly offset: number;
  readonly title: string;
}

async function readLenses(doc: vscode.TextDocument): Promise<Lens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
  const out: Lens[] = [];
  for (const l of lenses) {
    if (l.command?.command !== 'rustLayout.showLayout') continue;
    const offset = (l.command.arguments?.[0] as { offset: number } | undefined)?.offset ?? -1;
    out.push({ line: offset >= 0 ? doc.positionAt(offset).line + 1 : -1, offset, title: l.command.title });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const BUSY = /being read|still being|is being/;
/** `RLL_HUNT_SETTLE_MIN`: titles are not taken as settled before this many ms (a slow dependency read). */
const SETTLE_MIN_MS = Number(process.env.RLL_HUNT_SETTLE_MIN ?? 0);

/** Polls the lenses until three reads in a row agree and none says it is still reading. */
async function settle(doc: vscode.TextDocument, maxMs = 60_000): Promise<{ lenses: Lens[]; ms: number; settled: boolean }> {
  const t0 = Date.now();
  let prev = '';
  let same = 0;
  let lenses: Lens[] = [];
  while (Date.now() - t0 < maxMs) {
    lenses = await readLenses(doc);
    const sig = JSON.stringify(lenses);
    const busy = lenses.some((l) => BUSY.test(l.title));
    same = sig === prev ? same + 1 : 0;
    prev = sig;
    if (!busy && same >= 2 && (lenses.length > 0 || Date.now() - t0 > 4000) && Date.now() - t0 >= SETTLE_MIN_MS) return { lenses, ms: Date.now() - t0, settled: true };
    await new Promise((r) => setTimeout(r, 300));
  }
  return { lenses, ms: Date.now() - t0, settled: false };
}

const NUM = /^(\d+) B · align (\d+)/;

type Verdict = 'agree' | 'wrong' | 'lost' | 'extra' | 'reason' | 'generic-ok' | 'generic-wrong' | 'generic-unverified' | 'missing' | 'editor-only' | 'busy';

function classify(cli: PlanType | undefined, editor: string | undefined): { verdict: Verdict; note?: string } {
  if (editor === undefined) return { verdict: 'missing' };
  if (!cli) return { verdict: 'editor-only' };
  if (editor === cli.title) return { verdict: 'agree' };
  if (BUSY.test(editor)) return { verdict: 'busy' };
  if (editor.startsWith('generic · ')) {
    const pairs = [...editor.slice(10).matchAll(/(?:^| · )(.+?) (\d+) B(?= · |$)/g)].map((m) => ({ type: m[1]!, size: Number(m[2]) }));
    const notes: string[] = [];
    let verdict: Verdict = 'generic-ok';
    for (const p of pairs) {
      if (p.type.endsWith('…')) continue;
      const c = cli.instances?.find((i) => i.type === p.type);
      if (!c) {
        if (verdict === 'generic-ok') verdict = 'generic-unverified';
        notes.push(`${p.type}: not in the CLI's instances`);
      } else if (c.size !== p.size) {
        verdict = 'generic-wrong';
        notes.push(`${p.type}: editor ${p.size} B, CLI ${c.size} B`);
      }
    }
    return { verdict, note: notes.join('; ') || undefined };
  }
  const e = NUM.exec(editor);
  const c = NUM.exec(cli.title);
  if (e && c) return { verdict: 'wrong' };
  if (c) return { verdict: 'lost' };
  if (e) return { verdict: 'extra' };
  return { verdict: 'reason' };
}

/** Compares the settled lenses with the plan's types; returns a summary signature of titles by line. */
function compareLenses(crate: string, file: PlanFile, lenses: readonly Lens[], phase: string): void {
  const byLine = new Map<number, Lens[]>();
  for (const l of lenses) byLine.set(l.line, [...(byLine.get(l.line) ?? []), l]);
  const cliByLine = new Map<number, PlanType[]>();
  for (const t of file.types) cliByLine.set(t.line, [...(cliByLine.get(t.line) ?? []), t]);
  const lines = new Set([...byLine.keys(), ...cliByLine.keys()]);
  for (const line of [...lines].sort((a, b) => a - b)) {
    const es = byLine.get(line) ?? [];
    const cs = cliByLine.get(line) ?? [];
    if (es.length <= 1 && cs.length <= 1) {
      const v = classify(cs[0], es[0]?.title);
      record({ kind: 'type', phase, crate, file: file.path, line, name: cs[0]?.name, editor: es[0]?.title, cli: cs[0]?.title, ...v });
    } else {
      // Several types on one line (macro output): compare the multisets of titles.
      const et = es.map((l) => l.title).sort();
      const ct = cs.map((t) => t.title).sort();
      const agree = JSON.stringify(et) === JSON.stringify(ct);
      record({ kind: 'type', phase, crate, file: file.path, line, name: cs.map((t) => t.name).join(','), editor: et.join(' | '), cli: ct.join(' | '), verdict: agree ? 'agree' : 'multi-differ', count: Math.max(es.length, cs.length) });
    }
  }
}

function fieldPosition(doc: vscode.TextDocument, line: number, field: string): vscode.Position | undefined {
  const start = doc.offsetAt(new vscode.Position(line - 1, 0));
  const text = doc.getText();
  const close = text.indexOf('\n}', start);
  const body = text.slice(start, close < 0 ? undefined : close);
  const re = new RegExp(`(^|[\\s{(,])(?:pub(?:\\s*\\([^)]*\\))?\\s+)?(r#)?(${field.replace(/^r#/, '')})\\s*:(?!:)`, 'm');
  const m = re.exec(body);
  if (!m) return undefined;
  // Inside the name (a one-letter name: on it, not after it).
  return doc.positionAt(start + m.index + m[1]!.length + m[0].slice(m[1]!.length).indexOf(m[3]!) + Math.min(1, m[3]!.length - 1));
}

async function hoverFields(crate: string, file: PlanFile, doc: vscode.TextDocument, lenses: readonly Lens[]): Promise<void> {
  let checked = 0;
  for (const t of file.types) {
    if (checked >= 6) break;
    if (!t.fields || t.fields.length === 0 || !NUM.test(t.title)) continue;
    const lens = lenses.find((l) => l.line === t.line);
    if (!lens || lens.title !== t.title) continue;
    for (const f of [t.fields[0]!, t.fields[t.fields.length - 1]!].filter((f, i, a) => a.indexOf(f) === i)) {
      if (/^\d+$/.test(f.name)) continue;
      const pos = fieldPosition(doc, t.line, f.name);
      if (!pos) {
        record({ kind: 'hover', crate, file: file.path, type: t.name, field: f.name, verdict: 'not-found' });
        continue;
      }
      checked++;
      const t0 = Date.now();
      let text = '';
      while (Date.now() - t0 < 10_000) {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
        text = hoverText(hovers);
        if (/offset \d+ · size \d+/.test(text) || (text && !BUSY.test(text) && Date.now() - t0 > 2000)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const m = /offset (\d+) · size (\d+)/.exec(text);
      const verdict = !m ? 'no-numbers' : Number(m[1]) === f.offset && Number(m[2]) === f.size ? 'agree' : 'wrong';
      record({ kind: 'hover', crate, file: file.path, type: t.name, field: f.name, cli: `offset ${f.offset} · size ${f.size}`, editor: m ? m[0] : text.slice(0, 200), verdict });
    }
  }
}

function titlesOnly(lenses: readonly Lens[]): string[] {
  return lenses.map((l) => l.title);
}

async function edits(crate: string, file: PlanFile, doc: vscode.TextDocument, before: readonly Lens[]): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  const original = doc.getText();
  const want = JSON.stringify(titlesOnly(before));
  const check = async (step: string, expectSame: boolean) => {
    const s = await settle(doc, 30_000);
    const got = JSON.stringify(titlesOnly(s.lenses));
    const same = got === want;
    record({ kind: 'edit', crate, file: file.path, step, settled: s.settled, ms: s.ms, verdict: same === expectSame ? 'agree' : expectSame ? 'changed' : 'unchanged', ...(same ? {} : { diff: diffTitles(before, s.lenses) }) });
  };
  const undo = async (step: string) => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await check(`${step}, undone`, true);
    if (doc.getText() !== original) record({ kind: 'edit', crate, file: file.path, step: `${step}, undone`, verdict: 'text-differs' });
  };
  // 1. A character typed in a comment.
  const comment = /\/\/ ?/.exec(original);
  if (comment) {
    const at = doc.positionAt(comment.index + comment[0].length);
    await editor.edit((e) => e.insert(at, 'x'));
    await check('char in comment', true);
    await undo('char in comment');
  }
  // 2. A blank line above the first type with a lens.
  const first = before[0];
  if (first) {
    const at = new vscode.Position(first.line - 1, 0);
    await editor.edit((e) => e.insert(at, '\n'));
    await check('blank line above a type', true);
    await undo('blank line above a type');
  }
  // 3. A field's type changed to `u8` (numbers may change), then undone.
  const t = file.types.find((x) => x.fields && x.fields.some((f) => !/^\d+$/.test(f.name)) && NUM.test(x.title));
  if (t) {
    const f = t.fields!.find((x) => !/^\d+$/.test(x.name))!;
    const pos = fieldPosition(doc, t.line, f.name);
    if (pos) {
      const bare = f.name.replace(/^r#/, '');
      const off = doc.offsetAt(pos) - Math.min(1, bare.length - 1) + bare.length;
      const rest = original.slice(off);
      const m = /^\s*:\s*/.exec(rest);
      if (m) {
        // The type runs to the field's `,` or the body's `}` at depth 0.
        let depth = 0;
        let end = off + m[0].length;
        for (; end < original.length; end++) {
          const ch = original[end]!;
          if ('<([{'.includes(ch)) depth++;
          else if ('>)]}'.includes(ch)) {
            if (depth === 0) break;
            depth--;
          } else if (ch === ',' && depth === 0) break;
        }
        const range = new vscode.Range(doc.positionAt(off + m[0].length), doc.positionAt(end));
        const old = doc.getText(range);
        const replacement = old.trim() === 'u8' ? 'u64' : 'u8';
        await editor.edit((e) => e.replace(range, replacement));
        const s = await settle(doc, 30_000);
        const lens = s.lenses.find((l) => l.line === t.line);
        record({ kind: 'edit', crate, file: file.path, step: `field ${t.name}.${f.name}: ${old.trim().slice(0, 60)} → ${replacement}`, settled: s.settled, verdict: 'info', editor: lens?.title, cli: t.title });
        await undo('field type changed');
      }
    }
  }
}

function diffTitles(a: readonly Lens[], b: readonly Lens[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]?.title !== b[i]?.title) out.push(`#${i} line ${a[i]?.line}/${b[i]?.line}: ${a[i]?.title} → ${b[i]?.title}`);
    if (out.length > 5) break;
  }
  return out;
}

suite(`hunt W: editor against CLI (${plan.variant})`, () => {
  suiteSetup(async () => {
    await activateExtension();
    record({ kind: 'start', crates: plan.crates.length, at: new Date().toISOString() });
  });

  for (const c of plan.crates) {
    test(c.crate, async () => {
      for (const file of c.files) {
        const uri = plan.inWorkspace ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, file.path) : vscode.Uri.file(file.path);
        let doc: vscode.TextDocument;
        try {
          doc = await vscode.workspace.openTextDocument(uri);
          await vscode.window.showTextDocument(doc);
        } catch (e) {
          record({ kind: 'file', crate: c.crate, file: file.path, verdict: 'open-failed', note: String(e) });
          continue;
        }
        const s = await settle(doc);
        record({ kind: 'file', crate: c.crate, file: file.path, settled: s.settled, ms: s.ms, lenses: s.lenses.length, cliTypes: file.types.length, verdict: s.settled ? 'settled' : 'never-settled' });
        compareLenses(c.crate, file, s.lenses, 'open');
        await hoverFields(c.crate, file, doc, s.lenses);
        if (file.edit) {
          try {
            await edits(c.crate, file, doc, s.lenses);
          } catch (e) {
            record({ kind: 'edit', crate: c.crate, file: file.path, verdict: 'edit-failed', note: String(e) });
          }
        }
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }
});
