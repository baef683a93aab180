#!/usr/bin/env node
// One SQL statement against PostgreSQL for the e2e tests' synchronous database helper
// (tests/e2e/db.ts): reads {url, sql, params} as JSON on stdin, prints {rows, changes}.
// Counts (bigint) come back as numbers, like SQLite's.
import pg from "pg";

pg.types.setTypeParser(20, (value) => Number(value));
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, sql, params } = JSON.parse(input);
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const result = await client.query(sql, params);
  process.stdout.write(JSON.stringify({ rows: result.rows ?? [], changes: result.rowCount ?? 0 }));
} finally {
  await client.end();
}
