// Reads concord's JSON result (one exception per line) and prints its summary as JSON; writes the
// sorted mismatched keys to KEYS_OUT. Usage: node recon_keys.mjs RESULT.json KEYS_OUT.txt
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [resultFile, keysOut] = process.argv.slice(2);
const keys = [];
let summary = null;
for await (let line of createInterface({ input: createReadStream(resultFile) })) {
  if (line.startsWith('"summary":')) {
    summary = JSON.parse(line.slice('"summary":'.length, line.lastIndexOf('}')));
    continue;
  }
  if (!line.startsWith('{"class":"mismatched"')) continue;
  if (line.endsWith(',')) line = line.slice(0, -1);
  keys.push(JSON.parse(line).key);
}
keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(keysOut, keys.join('\n') + '\n');
console.log(JSON.stringify(summary));
