// With EXPOSE_SQL_COUNT=1 (tests, benchmarks; never needed in production), every result
// carries `extensions.sqlStatements`: the SQL statements its execution sent. Counting
// starts at execution, so authentication's lookups are not mixed in.
import type { Plugin } from 'graphql-yoga';
import { countStatements } from '../db/statement-counter.ts';

export function useSqlStatementCount(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      let counter: { statements: number } | undefined;
      setExecuteFn((args) => {
        const counted = countStatements(() => executeFn(args));
        counter = counted.counter;
        return counted.result;
      });
      return {
        onExecuteDone({ result, setResult }) {
          if (!counter || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, sqlStatements: counter.statements } });
        },
      };
    },
  };
}
