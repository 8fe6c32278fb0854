/**
 * The one place where engine offsets (UTF-16 code units into the document text, the same
 * unit as `TextDocument.offsetAt`) become VS Code positions and ranges.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/model';

export function spanToRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** True when the character at `offset` belongs to the span (what a hover position means). */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}
