// ESLint 9 flat config: typescript-eslint's recommended rules over the whole project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.dependency-cruiser.cjs',
      'node_modules/**',
      'data/**',
      '.tmp/**',
      'coverage/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Time is injected: only platform/clock.ts reads the wall clock for the law.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Law time comes from the injected Clock (platform/clock.ts).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Law time comes from the injected Clock (platform/clock.ts).',
        },
      ],
    },
  },
  {
    // The clock itself, the process plumbing and tests may read the wall clock.
    files: [
      'src/platform/clock.ts',
      'src/platform/db/embedded.ts',
      'src/platform/jobs/**',
      '**/*.test.ts',
      'test/**',
      'bench/**',
      'src/cli/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
