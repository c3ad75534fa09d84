// The DuckDB side of bench/recon_vs_duckdb.sh: the same classification as bench/recon_spec.toml,
// written in SQL (FULL OUTER JOIN, IS DISTINCT FROM after equivalent normalisation).
// Usage: node recon_duckdb.mjs LEFT.csv RIGHT.csv THREADS KEYS_OUT.txt  -> prints one JSON line.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const [left, right, threads, keysOut] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const conn = await instance.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

// Mirrors the spec: trim everywhere; dates in either format; SSN digits only; money without $ and
// thousands separators; hours as a number.
const normalised = (file) => `
  SELECT trim(emp_id) AS k,
         trim(first_name) AS first_name,
         trim(last_name) AS last_name,
         CAST(try_strptime(trim(dob), ['%Y-%m-%d', '%m/%d/%Y']) AS DATE) AS dob,
         regexp_replace(ssn, '[^0-9]', '', 'g') AS ssn,
         trim(department) AS department,
         trim(job_title) AS job_title,
         trim(status) AS status,
         CAST(try_strptime(trim(start_date), ['%Y-%m-%d', '%m/%d/%Y']) AS DATE) AS start_date,
         CAST(replace(replace(trim(bill_rate), '$', ''), ',', '') AS DECIMAL(18, 4)) AS bill_rate,
         CAST(replace(replace(trim(pay_rate), '$', ''), ',', '') AS DECIMAL(18, 4)) AS pay_rate,
         CAST(trim(hours) AS DECIMAL(18, 4)) AS hours
  FROM read_csv(${quote(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;

const columns = ['first_name', 'last_name', 'dob', 'ssn', 'department', 'job_title', 'status', 'start_date',
                 'bill_rate', 'pay_rate', 'hours'];
const differs = columns.map((c) => `a.${c} IS DISTINCT FROM b.${c}`).join(' OR ');

const t0 = performance.now();
await conn.run(`CREATE TEMP TABLE l AS ${normalised(left)}`);
await conn.run(`CREATE TEMP TABLE r AS ${normalised(right)}`);
const tRead = performance.now();
await conn.run(`CREATE TEMP TABLE dup AS
  SELECT k FROM l GROUP BY k HAVING count(*) > 1 UNION SELECT k FROM r GROUP BY k HAVING count(*) > 1`);
await conn.run(`CREATE TEMP TABLE j AS
  SELECT coalesce(a.k, b.k) AS k, a.k IS NOT NULL AS has_l, b.k IS NOT NULL AS has_r, (${differs}) AS differs
  FROM (SELECT * FROM l ANTI JOIN dup USING (k)) a FULL OUTER JOIN (SELECT * FROM r ANTI JOIN dup USING (k)) b
  ON a.k = b.k`);
const counts = (await conn.runAndReadAll(`SELECT
    count(*) FILTER (WHERE has_l AND has_r AND NOT differs) AS matched,
    count(*) FILTER (WHERE has_l AND has_r AND differs) AS mismatched,
    count(*) FILTER (WHERE has_l AND NOT has_r) AS only_left,
    count(*) FILTER (WHERE has_r AND NOT has_l) AS only_right,
    (SELECT count(*) FROM dup) AS duplicate_keys,
    (SELECT count(*) FROM l SEMI JOIN dup USING (k)) AS duplicate_left_rows,
    (SELECT count(*) FROM r SEMI JOIN dup USING (k)) AS duplicate_right_rows
  FROM j`)).getRowObjects()[0];
const keys = (await conn.runAndReadAll(`SELECT k FROM j WHERE has_l AND has_r AND differs ORDER BY k`)).getRows();
const t1 = performance.now();
writeFileSync(keysOut, keys.map((r) => r[0]).join('\n') + '\n');
const result = { seconds: (t1 - t0) / 1000, read_seconds: (tRead - t0) / 1000 };
for (const [name, value] of Object.entries(counts)) result[name] = Number(value);
console.log(JSON.stringify(result));
