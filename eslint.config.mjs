import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the pure planning core may not import: the framework, the database, I/O and the modules. */
const FRAMEWORK_AND_IO = ['@nestjs/*', 'typeorm', 'pg', 'node:*', 'fs', 'http', 'https', '**/modules/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests build loose documents on purpose (broken scenarios, partial fixtures).
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The planning core stays pure: plain data in, plain data out, no framework, no database, no I/O.
    files: ['src/planning/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...FRAMEWORK_AND_IO, '**/common/**'],
              message: 'src/planning is the pure core: no framework, database or I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'the core gets its inputs as arguments' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'time comes in as an argument' },
        { object: 'Math', property: 'random', message: 'use the seeded random of the core' },
      ],
    },
  },
  {
    // The core is handed its linear program solver; its specs load the one the service hands it.
    files: ['src/planning/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...FRAMEWORK_AND_IO,
                '**/common/*/*',
                '!**/common/linear-program/linear-program-solver',
              ],
              message: 'src/planning is the pure core: its specs load only the solver it is handed.',
            },
          ],
        },
      ],
    },
  },
);
