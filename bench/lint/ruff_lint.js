// Runs ruff's WebAssembly build (bench-local install in .ruff/) with its
// ASYNC rules (preview on, so ASYNC240 and friends count) over the .py
// files of the given paths; prints one JSON object per finding, like
// `aioc lint --format=json`, and the time spent in ruff on stderr.
"use strict";
const fs = require("fs");
const path = require("path");
const ruff = require(path.join(__dirname, ".ruff/node_modules/@astral-sh/ruff-wasm-nodejs"));

function walk(p, out) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name.startsWith(".") || name === "__pycache__") continue;
      walk(path.join(p, name), out);
    }
  } else if (p.endsWith(".py")) {
    out.push(p);
  }
}

const files = [];
for (const p of process.argv.slice(2)) walk(p, files);
const ws = new ruff.Workspace(
  { "target-version": "py311", lint: { select: ["ASYNC"], preview: true } },
  ruff.PositionEncoding.Utf32,
);
const start = process.hrtime.bigint();
let count = 0, lines = 0;
const out = [];
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  lines += text.split("\n").length;
  let diags;
  try {
    diags = ws.check(text);
  } catch (e) {
    process.stderr.write(`ruff: ${f}: ${e}\n`);
    continue;
  }
  for (const d of diags) {
    if (!d.code) continue; // syntax errors
    count++;
    out.push(JSON.stringify({
      file: f, line: d.start_location.row, column: d.start_location.column,
      code: d.code, message: d.message,
    }));
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
process.stderr.write(`ruff-wasm ${ruff.Workspace.version()}: ${files.length} files, ${lines} lines, ${count} findings, ${ms.toFixed(0)} ms in check()\n`);
