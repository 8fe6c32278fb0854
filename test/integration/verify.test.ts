/**
 * "Rust Layout: Verify with rustc" in the real extension host, with the real cargo and rustc, on
 * test/fixtures/workspace/verify: every laid-out type matches rustc, the abstained one is listed
 * as not checked (never as a match), rustc's report opens highlighted, a deliberately wrong
 * engine number (a test hook) is a mismatch marked on the type, and an untrusted workspace is
 * refused.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openFixture, resetSetting } from './helpers';

interface VerifyResult {
  status: string;
  message: string;
  checked?: number;
  matched?: number;
  mismatches?: { name: string; details: string[] }[];
  notChecked?: { name: string; reason: string }[];
  reportUri?: string;
}

const verify = (arg?: unknown) => vscode.commands.executeCommand<VerifyResult>('rustLayout.verifyWithRustc', arg);

suite('verify with rustc', () => {
  let doc: vscode.TextDocument;
  const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as { skewEngineNumberForTests(name: string | undefined): void };

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    doc = await openFixture('verify/src/lib.rs');
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(() => api().skewEngineNumberForTests(undefined));

  test('every laid-out type matches rustc; the abstained one is “not checked”; the report opens as rust-type-sizes', async () => {
    const r = await verify();
    assert.equal(r.status, 'done', r.message);
    assert.equal(r.checked, 5, r.message);
    assert.deepEqual(r.mismatches, []);
    assert.match(r.message, /5 types checked against rustc: all match; 1 not checked/);
    const arr = r.notChecked?.find((n) => n.name === 'Counted');
    assert.ok(arr, JSON.stringify(r.notChecked));
    assert.match(arr.reason, /^abstained/);
    const report = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.reportUri!));
    assert.equal(report.languageId, 'rust-type-sizes');
    assert.match(report.getText(), /^print-type-size type: `Header`: 16 bytes, alignment: 8 bytes$/m);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source?.includes('verify')), []);
  });

  test('a wrong engine number (test hook) is a mismatch, marked on the type', async () => {
    api().skewEngineNumberForTests('Header');
    try {
      const r = await verify();
      assert.equal(r.status, 'done', r.message);
      assert.deepEqual(r.mismatches?.map((m) => m.name), ['Header']);
      assert.match(r.mismatches![0]!.details.join(), /size 24, rustc 16/);
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source?.includes('verify'));
      assert.equal(d.length, 1);
      assert.equal(doc.lineAt(d[0]!.range.start.line).text, 'pub struct Header {');
      assert.equal(d[0]!.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      api().skewEngineNumberForTests(undefined);
    }
    const again = await verify();
    assert.deepEqual(again.mismatches, []);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source?.includes('verify')), [], 'a clean run clears the marks');
  });

  test('refused in an untrusted workspace: cargo would run build scripts', async () => {
    const r = await verify({ simulateUntrusted: true });
    assert.equal(r.status, 'untrusted');
    assert.match(r.message, /build scripts/);
  });
});
