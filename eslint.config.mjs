// ESLint flat config. TypeScript is linted with type information (typescript-eslint's
// project service reads tsconfig.json); the build and test scripts (plain .mjs) without it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * The layers of src/ and what each may import (type imports included), lowest first:
 *   core      the model, targets, layout rules, name resolution, reports: nothing else
 *   parse     web-tree-sitter → model: core
 *   cargo     manifests, lock files, sources, the package graph: core
 *   analysis  the facade (Analyzer), module loading, macros, projects: core, parse, cargo
 *   incremental  everything that makes a version from the one before: document trees and their
 *            models, a crate session patched per edit, reports carried over: core, parse, cargo, analysis
 *   platform  Node adapters (file system, parse worker): core, parse, cargo
 *   webview   the panel's script (a browser): core's report types
 *   features  the VS Code adapters: any of the above
 * Only src/core and src/parse may name `vscode`, and only in type imports; the other lower
 * layers not at all.
 */
const LAYERS = ['core', 'parse', 'cargo', 'analysis', 'incremental', 'platform', 'webview', 'features'];
const MAY_IMPORT = {
  core: [],
  parse: ['core'],
  cargo: ['core'],
  analysis: ['core', 'parse', 'cargo'],
  incremental: ['core', 'parse', 'cargo', 'analysis'],
  platform: ['core', 'parse', 'cargo'],
  webview: ['core'],
  features: ['core', 'parse', 'cargo', 'analysis', 'incremental', 'platform', 'webview'],
};
/**
 * Node's built-in modules are for the Node side only (src/features/host.ts is the seam): the
 * platform adapters, the Node entry points and the features that run a process. Everything
 * else is shared with the web build, which runs in a web worker (the web bundle's build fails
 * on a Node import too; this says where, and why, in the editor).
 */
const NODE_SIDE = [
  'src/platform/**/*.ts',
  'src/cli.ts',
  'src/cliDiff.ts',
  'src/extension.ts',
  'src/features/nodeHost.ts',
  'src/features/verify.ts',
  'src/features/layoutBaseline.ts',
  'src/features/allocCheck.ts',
];
const NODE_MESSAGE = 'Node built-in modules belong to the Node side (src/platform, src/features/nodeHost.ts, the Node entry points): this file is shared with the web build.';
const NODE_BUILTINS = { group: ['node:*'], message: NODE_MESSAGE };
const NODE_BUILTIN_PATHS = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NODE_MESSAGE }));

function layerRule(layer, nodeAllowed) {
  const banned = LAYERS.filter((l) => l !== layer && !MAY_IMPORT[layer].includes(l));
  const vscodeTypesOnly = layer === 'core' || layer === 'parse';
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: (nodeAllowed ? [] : NODE_BUILTIN_PATHS).concat(layer === 'features' || layer === 'webview'
          ? []
          : [
              {
                name: 'vscode',
                message: `src/${layer} must not depend on VS Code${vscodeTypesOnly ? ' at run time' : ''}: move the adapter to src/features.`,
                allowTypeImports: vscodeTypesOnly,
              },
            ]),
        patterns: [
          {
            group: banned.flatMap((l) => [`**/${l}/*`, `../${l}`, `../../${l}`]).concat(['**/extension', '**/cli']),
            message: `src/${layer} may import only ${MAY_IMPORT[layer].map((l) => `src/${l}`).join(', ') || 'itself'} (see the layers in eslint.config.mjs).`,
          },
          ...(nodeAllowed ? [] : [NODE_BUILTINS]),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', '.test-output/**', '.vscode-test/**', 'examples/target/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Promises that nobody awaits hide errors: `void` them on purpose or await them.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Relaxed for style, not safety (see README "Lint"): the engine and parser build many
      // small records from tree-sitter nodes, where these rules only add noise.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // Dead stores: noUnusedLocals in tsconfig already catches the unused ones.
      'no-useless-assignment': 'off',
    },
  },
  ...LAYERS.flatMap((layer) => [
    { files: [`src/${layer}/**/*.ts`], ignores: NODE_SIDE, rules: layerRule(layer, false) },
    { files: NODE_SIDE.filter((f) => f.startsWith(`src/${layer}/`)), rules: layerRule(layer, true) },
  ]).filter((c) => c.files.length > 0),
  {
    // The entry points and the shared composition at the top of src/.
    files: ['src/*.ts'],
    ignores: NODE_SIDE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: NODE_BUILTIN_PATHS, patterns: [NODE_BUILTINS] }] },
  },
  {
    // The parser's fast path unwinds with a preallocated sentinel (`throw BAIL`), on purpose:
    // no Error object (and no stack capture) per bail-out.
    files: ['src/parse/**/*.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  {
    // Tests poke at loosely typed JSON (CLI output, rustc reports) and mocha's `this`.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Test messages interpolate whatever they compare; dead stores in generators are harmless.
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Tests pass methods around to assert they exist or to stub them.
      '@typescript-eslint/unbound-method': 'off',
      // The bench loads optional bundles by run-time path.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The UI scripts pass callbacks to playwright's page.evaluate, which run in the browser.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The webview runs in a browser, bundled separately.
    files: ['src/webview/**/*.ts', 'media/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
