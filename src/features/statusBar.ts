/**
 * The target picker in the status bar: `$(symbol-ruler) x86_64` (the tooltip gives the full
 * triple and where it came from: a cargo config's `[build] target`, the setting, or the host);
 * clicking runs `rustLayout.selectTarget`. Shown while a Rust editor is active.
 */
import * as vscode from 'vscode';
import { onDidChangeSettings, readSettings } from './config';
import { originText } from './targetSource';
import { Disposable } from './dispose';

export class TargetStatusBar extends Disposable {
  readonly item = this._register(vscode.window.createStatusBarItem('rustLayout.target', vscode.StatusBarAlignment.Right, 100));

  constructor() {
    super();
    this.item.name = 'Rust Layout Target';
    this.item.command = 'rustLayout.selectTarget';
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(onDidChangeSettings(() => this.update()));
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const s = readSettings(editor?.document);
    const triple = s.target;
    this.item.text = `$(symbol-ruler) ${triple.split('-')[0]}`;
    this.item.tooltip = `Rust Layout target: ${triple} — ${originText(s.targetSource)}\nClick to pick another target.`;
    if (editor?.document.languageId === 'rust') this.item.show();
    else this.item.hide();
  }
}
