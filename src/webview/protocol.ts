/**
 * The one message protocol between the extension (src/features/guideView.ts) and the panel's
 * script (src/webview/main.ts). Discriminated unions on `type`, imported by both sides.
 *
 * Order: the webview posts `ready` (with its restored state) first; the extension posts
 * nothing before that and queues what it has to say.
 */
import type { TypeReport } from '../core/reportTypes';
import type { HeapChartData } from '../core/heap/chart';

export interface ChapterSummary {
  readonly id: string;
  readonly title: string;
  readonly sections: readonly { readonly id: string; readonly title: string }[];
}

/** A {{layout:T}} block or the type under the cursor: what the byte grid draws. */
export interface DiagramData {
  readonly report: TypeReport;
  readonly target: string;
  /** Document the type is defined in (for links back to the definition); absent in chapters. */
  readonly uri?: string;
  /** The doc comment rendered to HTML by markdown-it with html:false (so already escaped). */
  readonly docHtml?: string;
  /** The same type at the layout diff's base revision, when its layout differs (`rustLayout.diff.base`). */
  readonly before?: { readonly rev: string; readonly commit: string; readonly summary: string; readonly report: TypeReport };
  /** What the type owns on the heap against the number of entries, when it owns any. */
  readonly heap?: HeapChartData;
}

export type Tab = 'layout' | 'guide';

/** What the webview keeps with getState/setState. */
export interface PanelState {
  readonly tab?: Tab;
  readonly chapter?: string;
  readonly scroll?: number;
  readonly sim?: { readonly type: string; readonly pushes: number };
}

export type ToWebview =
  | { readonly type: 'init'; readonly chapters: readonly ChapterSummary[]; readonly target: string }
  | {
      readonly type: 'chapter';
      readonly id: string;
      readonly title: string;
      readonly target: string;
      /** markdown-it output (html:false); placeholders already filled in. */
      readonly html: string;
      /** The diagrams of the {{layout:T}} blocks, by their `data-layout` index (null: unknown). */
      readonly layouts: readonly (DiagramData | null)[];
      /** The ```heap-chart blocks' charts, by their `data-chart` index. */
      readonly heapCharts: readonly HeapChartData[];
      /** The growth simulators' initial inputs, by their `data-sim` index. */
      readonly sims: readonly { readonly type: string; readonly pushes: number }[];
      /** Section to scroll to, if any. */
      readonly section?: string;
    }
  | { readonly type: 'diagram'; readonly diagram: DiagramData | null; readonly message?: string; readonly reveal?: boolean }
  | { readonly type: 'showTab'; readonly tab: Tab }
  | { readonly type: 'elementSize'; readonly requestId: number; readonly text: string; readonly size?: number; readonly align?: number; readonly reason?: string; readonly pointerWidth: 16 | 32 | 64 }
  /** A companion example's run: `running` first, then its output (or why it did not run). */
  | { readonly type: 'runResult'; readonly chapter: string; readonly index: number; readonly status: 'running' | 'done' | 'failed' | 'refused'; readonly output: string };

export type FromWebview =
  | { readonly type: 'ready'; readonly state: PanelState }
  | { readonly type: 'openChapter'; readonly chapter: string; readonly section?: string }
  | { readonly type: 'openSnippet'; readonly chapter: string; readonly index: number }
  | { readonly type: 'reveal'; readonly uri: string; readonly start: number; readonly end: number }
  | { readonly type: 'elementSize'; readonly requestId: number; readonly chapter: string; readonly text: string }
  | { readonly type: 'openExternal'; readonly href: string }
  | { readonly type: 'runExample'; readonly chapter: string; readonly index: number }
  /** The heap chart's "Change N" button: the extension asks for the entry count. */
  | { readonly type: 'setHeapEntries' };
