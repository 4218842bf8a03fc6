// With EXPOSE_SQL_COUNT=1 (tests, benchmarks; never needed in production), every result
// carries `extensions.sqlStatements`: the SQL statements the request sent. Over HTTP the
// count starts before authentication (src/server/http.ts), so a credential not yet
// remembered shows its lookups too; on a WebSocket it starts with each operation.
import type { Plugin } from 'graphql-yoga';
import { type StatementCounter, countStatements } from '../db/statement-counter.ts';

export function useSqlStatementCount(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      let counter: StatementCounter | undefined;
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
