/**
 * "Rust Layout: Does This Function Allocate?" in the real extension host, with the real cargo, on
 * test/fixtures/workspace/allocs (answers checked by hand: test/unit/allocCheck.test.ts): the
 * command answers for the function given, then every function of the file shows its answer in a
 * CodeLens; an untrusted workspace is refused.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, poll } from './helpers';

interface Result {
  status: string;
  message: string;
  answer?: { kind: string; via?: string[] };
}

const ask = (arg: unknown) => vscode.commands.executeCommand<Result>('rustLayout.doesItAllocate', arg);

async function answerLenses(doc: vscode.TextDocument): Promise<Map<string, string>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
  const out = new Map<string, string>();
  for (const l of lenses) {
    const name = /\bfn\s+(\w+)/.exec(doc.lineAt(l.range.start.line).text)?.[1];
    if (name && l.command?.command === 'rustLayout.doesItAllocate') out.set(name, l.command.title);
  }
  return out;
}

suite('does this function allocate?', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    await activateExtension();
    doc = await openFixture('allocs/src/lib.rs');
  });

  test('answers for the function given, with the chain of calls', async () => {
    const r = await ask({ uri: doc.uri.toString(), offset: doc.getText().indexOf('pub fn through_helper') + 8 });
    assert.equal(r.status, 'done', r.message);
    assert.equal(r.answer?.kind, 'allocates');
    assert.match(r.message, /`through_helper` allocates: a call to `__rust_alloc` survives optimisation \(through `alloc_answers::make_buffer`\)/);
    const none = await ask({ uri: doc.uri.toString(), offset: doc.getText().indexOf('fn boxed_then_read') + 4 });
    assert.equal(none.answer?.kind, 'none', none.message);
  });

  test('then every function of the file shows its answer', async () => {
    const got = await poll(() => answerLenses(doc), (m) => m.size >= 20, 20_000);
    assert.equal(got.get('boxed'), 'allocates');
    assert.equal(got.get('boxed_then_read'), 'no allocation');
    assert.equal(got.get('consume'), 'frees only');
    assert.equal(got.get('formatted'), 'allocation: unknown');
    assert.equal(got.get('wrap'), 'allocation: no code of its own');
    assert.equal(got.get('record'), 'allocates');
  });

  test('refused in an untrusted workspace', async () => {
    const r = await ask({ simulateUntrusted: true });
    assert.equal(r.status, 'untrusted');
    assert.match(r.message, /build scripts/);
  });
});
