// @ts-check
// ESLint flat config. `npm run lint` runs this and `prettier --check`; formatting is
// Prettier's job alone (eslint-config-prettier, last, turns off every rule it covers).
//   - TypeScript/JavaScript: @eslint/js + typescript-eslint recommended (syntax-only: the
//     type-aware presets were measured and left out, see TYPE_AWARE below).
//   - client/operations/*.graphql: @graphql-eslint's operations-recommended rules, checked
//     against the printed schema.graphql.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Type-aware linting (recommendedTypeChecked) finds floating promises and the like, but
// builds the whole program: measured on the 2-core machine, about 4 times the CPU time of
// this syntax-only run (52 s against 12 s), and its no-unsafe-* rules report every use of
// an `any` value (about 1,500 today). `ESLINT_TYPE_AWARE=1 npx eslint .` opts in locally.
const TYPE_AWARE = process.env.ESLINT_TYPE_AWARE === '1';

export default defineConfig(
  globalIgnores([
    // Generated: Prisma client and Pothos types, the codegen SDK.
    'src/generated/',
    '**/generated/',
    'client/sdk.ts',
    // Local data and build output (see .gitignore).
    'data/',
    '.data*',
    '.scratch/',
    'coverage/',
    'dist/',
  ]),

  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended, TYPE_AWARE ? tseslint.configs.recommendedTypeChecked : tseslint.configs.recommended],
    languageOptions: {
      globals: globals.node,
      ...(TYPE_AWARE && {
        parserOptions: {
          projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
          tsconfigRootDir: import.meta.dirname,
        },
      }),
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Required in src/ and tests/ (tests are being rid of `any`).
      '@typescript-eslint/no-explicit-any': 'error',
      // `let server: Server;` assigned once, below a closure that reads it (the stand-ins'
      // close()): a const cannot be declared there, so such reads-before-assignment are fine.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Unused code is a real smell; `_`-prefixed names mark the deliberate ones
      // (an ignored argument of a callback, a destructured field left out on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    files: ['client/operations/*.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: {
        graphQLConfig: { schema: 'schema.graphql', documents: 'client/operations/*.graphql' },
      },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: graphql.configs['flat/operations-recommended'].rules,
  },

  // Last: turns off the stylistic rules that would fight Prettier.
  prettier,
);
