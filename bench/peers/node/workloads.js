// W1-W4 in Node (async/await on V8's microtask queue); same output format
// as bench/peers/aioc/workloads.cpp. Usage: node workloads.js w1|w2|w3|w4 N
'use strict';
const fs = require('fs');

function statusKb(key) {
  for (const line of fs.readFileSync('/proc/self/status', 'utf8').split('\n'))
    if (line.startsWith(key)) return parseInt(line.split(/\s+/)[1], 10);
  return 0;
}
const now = () => Number(process.hrtime.bigint()) / 1e9;
const yieldOnce = () => new Promise((r) => setImmediate(r));

// asyncio.Queue(maxsize) semantics: FIFO getters/putters.
class Queue {
  constructor(maxsize) { this.max = maxsize; this.items = []; this.getters = []; this.putters = []; }
  async put(v) {
    while (this.max > 0 && this.items.length >= this.max)
      await new Promise((r) => this.putters.push(r));
    this.items.push(v);
    const g = this.getters.shift(); if (g) g();
  }
  async get() {
    while (this.items.length === 0)
      await new Promise((r) => this.getters.push(r));
    const v = this.items.shift();
    const p = this.putters.shift(); if (p) p();
    return v;
  }
}

async function sleeper0() { await yieldOnce(); }
async function w1(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = sleeper0();
  await Promise.all(ps);
}
async function trivial(i) { return i; }
async function w2(n) { let s = 0; for (let i = 0; i < n; i++) s += await trivial(i); return s; }
async function echo(a, b, n) { for (let i = 0; i < n; i++) await b.put(await a.get()); }
async function w3(n) {
  const a = new Queue(1), b = new Queue(1);
  const t = echo(a, b, n);
  let s = 0;
  for (let i = 0; i < n; i++) { await a.put(i); s += await b.get(); }
  await t;
  return s;
}
const sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));
async function w4(n) {
  const t0 = now();
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = sleepMs(i % 100);
  await Promise.all(ps);
  return now() - t0;
}

(async () => {
  const [w, ns] = process.argv.slice(2);
  const n = parseInt(ns, 10);
  const base = statusKb('VmRSS:');
  const t0 = now();
  if (w === 'w1') {
    await w1(n);
    const dt = now() - t0, rss = statusKb('VmHWM:') - base;
    console.log(`w1 n=${n} ns_per_task=${(dt * 1e9 / n).toFixed(1)} bytes_per_task=${(rss * 1024 / n).toFixed(1)} rss_kb=${rss}`);
  } else if (w === 'w2') {
    const s = await w2(n);
    console.log(`w2 n=${n} ns_per_await=${((now() - t0) * 1e9 / n).toFixed(2)} check=${s}`);
  } else if (w === 'w3') {
    const s = await w3(n);
    console.log(`w3 n=${n} ns_per_roundtrip=${((now() - t0) * 1e9 / n).toFixed(1)} check=${s}`);
  } else if (w === 'w4') {
    const el = await w4(n);
    const rss = statusKb('VmHWM:') - base;
    console.log(`w4 n=${n} late_ms=${((el - 0.099) * 1e3).toFixed(1)} rss_kb=${rss} peak_rss_kb=${statusKb('VmHWM:')}`);
  }
})();
