import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * A workspace package is used through its public entry only (STYLE.md, Layout): a `dist/`
 * path or a path into another project's folder reaches past it, to files that can move or
 * vanish, and past the boundaries below.
 */
const publicEntriesOnly = [
  { group: ['**/dist', '**/dist/**'], message: "Import the package's public entry, not its build output." },
  { group: ['@complaints/*/src', '@complaints/*/src/**'], message: "Import the package's public entry, not its sources." },
  { group: ['**/apps/**', '**/libs/**'], message: 'Import a workspace package by its name, not by a path into its folder.' },
];

/**
 * The pure libraries (policy, contracts, domain, config, transparency-log) describe the
 * business, its messages and the audit register's cryptography; they hold no connection, so
 * every service and tool (an auditor's included) can load them, and their tests need no
 * running server. Transport and storage belong to messaging, persistence,
 * runtime and the apps.
 */
const noTransportOrDatabase = [
  {
    group: ['nats', 'nats/**', '@nats-io/**', '@nestjs/**', 'express', 'express/**', '@mikro-orm/**', 'pg', 'pg/**'],
    message: 'Pure libraries import no transport, web framework or database: that belongs to messaging, persistence, runtime or an app.',
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.nx', '.local', '**/*.cjs', '**/*.mjs', '!bench/**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Apps and the e2e suite may use any lib; libs only shared libs; nothing may import an
      // app or the e2e suite (they are not libs, and a project without a matching tag may
      // depend on nothing).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Workspace packages stay behind their node_modules link (no symlink resolution), so they
      // count as external: cycles between projects are the Nx rule's, this one checks files.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'], symlinks: false })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: publicEntriesOnly }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: [
      'libs/policy/**/*.ts',
      'libs/contracts/**/*.ts',
      'libs/domain/**/*.ts',
      'libs/config/**/*.ts',
      'libs/transparency-log/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...publicEntriesOnly, ...noTransportOrDatabase] }],
    },
  },
  {
    // Benches drive the real code the way a user of each package would: through what the
    // package exports (BENCHMARKS.md).
    files: ['bench/**/*.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'node:module', importNames: ['createRequire'], message: 'Use import, which this rule checks.' }],
          patterns: publicEntriesOnly,
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(dist|apps|libs)(\\/|$)/]',
          message: "Import the package's public entry, not a path into a project or its build output.",
        },
      ],
    },
  },
];
