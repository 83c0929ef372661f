// Times asl-validator validating one definition in process (no node start):
// the median of ROUNDS runs after one warm-up. Usage: node aslv.mjs FILE [ROUNDS]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const validator = require("asl-validator");
const definition = JSON.parse(readFileSync(process.argv[2], "utf8"));
const rounds = Number(process.argv[3] ?? 30);
if (!validator(definition).isValid) throw new Error("asl-validator finds the definition invalid");
const times = [];
for (let i = 0; i < rounds; i++) {
  const t = process.hrtime.bigint();
  validator(definition);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(times.length / 2)].toFixed(2));
