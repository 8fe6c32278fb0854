// ESLint flat config. TypeScript is linted with type information (typescript-eslint's
// project service reads tsconfig.json); the build and test scripts (plain .mjs) without it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layers of src/ and what each may import (type imports included), lowest first:
 *   core      the model, targets, layout rules, name resolution, reports: nothing else
 *   parse     web-tree-sitter → model: core
 *   cargo     manifests, lock files, sources, the package graph: core
 *   analysis  the facade (Analyzer), module loading, macros, projects, crate sessions: core, parse, cargo
 *   platform  Node adapters (file system, parse worker): core, parse, cargo
 *   webview   the panel's script (a browser): core's report types
 *   features  the VS Code adapters: any of the above
 * Only src/core and src/parse may name `vscode`, and only in type imports; the other lower
 * layers not at all.
 */
const LAYERS = ['core', 'parse', 'cargo', 'analysis', 'platform', 'webview', 'features'];
const MAY_IMPORT = {
  core: [],
  parse: ['core'],
  cargo: ['core'],
  analysis: ['core', 'parse', 'cargo'],
  platform: ['core', 'parse', 'cargo'],
  webview: ['core'],
  features: ['core', 'parse', 'cargo', 'analysis', 'platform', 'webview'],
};
function layerRule(layer) {
  const banned = LAYERS.filter((l) => l !== layer && !MAY_IMPORT[layer].includes(l));
  const vscodeTypesOnly = layer === 'core' || layer === 'parse';
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: layer === 'features' || layer === 'webview'
          ? []
          : [
              {
                name: 'vscode',
                message: `src/${layer} must not depend on VS Code${vscodeTypesOnly ? ' at run time' : ''}: move the adapter to src/features.`,
                allowTypeImports: vscodeTypesOnly,
              },
            ],
        patterns: [
          {
            group: banned.flatMap((l) => [`**/${l}/*`, `../${l}`, `../../${l}`]).concat(['**/extension', '**/cli']),
            message: `src/${layer} may import only ${MAY_IMPORT[layer].map((l) => `src/${l}`).join(', ') || 'itself'} (see the layers in eslint.config.mjs).`,
          },
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
  ...LAYERS.map((layer) => ({ files: [`src/${layer}/**/*.ts`], rules: layerRule(layer) })),
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
