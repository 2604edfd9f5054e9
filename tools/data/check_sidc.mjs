// Check that every APP-6(D) SIDC in the capability catalogue is valid for milsymbol.
// Usage: node tools/data/check_sidc.mjs [data/catalogue/capabilities.json] [SIDC ...]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "package.json"));
const ms = require("milsymbol");

const args = process.argv.slice(2);
let items = [];
const catalogue = args.find((a) => a.endsWith(".json")) ?? join(root, "data/catalogue/capabilities.json");
const extra = args.filter((a) => !a.endsWith(".json"));
if (extra.length) {
  items = extra.map((s) => ({ code: "(arg)", sidc: s }));
} else {
  const cat = JSON.parse(readFileSync(catalogue, "utf8"));
  items = cat.capabilities.map((c) => ({ code: c.code, sidc: c.app6_sidc }));
}
let bad = 0;
for (const { code, sidc } of items) {
  // APP-6(D): version 10, context 0 (reality), standard identity 3 (friend), then milsymbol's own check.
  const ok = /^100[3]\d{16}$/.test(sidc) && new ms.Symbol(sidc).isValid();
  if (!ok) bad++;
  console.log(`${ok ? "ok  " : "BAD "} ${sidc} ${code}`);
}
process.exit(bad ? 1 : 0);
