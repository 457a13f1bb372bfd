// Layer rules from ARCHITECTURE.md, enforced by tool: who may import whom, plus a few safety bans.
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'better-sqlite3']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'untrusted text must never become HTML' },
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/] > TemplateLiteral[expressions.length>0]",
          message: 'SQL is built from constants only; bind values as parameters (identifiers from an allow-list go through a lookup)'
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'react', 'react-dom', '**/core/**', '**/main/**', '**/renderer/**', '**/cli/**'], message: 'shared imports nothing of ours and no Node/DOM/Electron' }] }]
    }
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'sigma', '**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**'], message: 'core runs in plain Node and imports only shared' }] }]
    }
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'the CLI uses core and shared only' }] }]
    }
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', '**/core/**', '**/main/**', '**/cli/**', '**/preload/**'], message: 'the renderer reaches the core only through the contract (src/shared)' }] }]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', '**/renderer/**', '**/cli/**', 'zod', '**/shared/api/contract', '**/shared/api/areas/**'], message: 'the sandboxed preload may import only electron and the plain name lists in shared/api/names' }] }]
    }
  }
)
