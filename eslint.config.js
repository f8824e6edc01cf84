// Lint enforces the import rules of docs/architecture.md, the core's layers among them
// (test/unit/import-boundaries.test.ts checks them too).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { coreLayersPlugin } from './lint/core-layers.mjs';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'stream/promises', 'tls',
  'url', 'util', 'worker_threads', 'zlib',
];
const electronOnlyInShell = { name: 'electron', message: "Only main/electron/** may import 'electron'." };
const noNode = [
  { group: ['node:*'], message: 'shared/ and renderer/ must stay free of Node built-ins.' },
];
const ioModules = ['node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https', 'node:child_process', 'undici', 'express'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'coverage/**', '.venv*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      // One error vocabulary: the core throws GatewayError(code) from shared/errors.ts, so every failure
      // has a status and a type in both dialects (ConfigError carries its catalog code too).
      'no-restricted-syntax': ['error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'Throw a GatewayError with a code from shared/errors.ts.' },
      ],
      'no-restricted-properties': ['error', {
        object: 'process', property: 'env',
        message: 'process.env is read only in main/core/config (pass values in).',
      }],
    },
  },
  { files: ['main/core/config/**/*.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    // express loads on the first request that needs it (front-app.ts, issue 14); a value import would be
    // hoisted to the top of the CLI bundle and load it at start
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'express', allowTypeImports: true, message: 'Import only types from express; the routes receive the module (http/express-module.ts).' }],
      }],
    },
  },
  {
    // the declared layers inside the core (lint/core-layers.mjs): a folder imports only its own and lower ones
    files: ['main/core/**/*.ts'],
    plugins: { local: coreLayersPlugin },
    rules: { 'local/core-layers': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell, ...nodeBuiltins], patterns: noNode }] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell, ...nodeBuiltins],
        patterns: [...noNode, { group: ['**/main/**', 'main/**'], message: 'renderer/ talks to the core over HTTP only.' }],
      }],
    },
  },
  {
    files: ['main/core/translate/**/*.ts', 'main/core/clients/**/*.ts', 'main/core/config/schema*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell, ...ioModules.map((name) => ({ name, message: 'This folder stays free of I/O.' }))],
      }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['*.config.{js,ts}', 'renderer/vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
