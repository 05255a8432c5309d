// W5 with Node's fetch (undici): N GETs, at most 100 in flight.
const url = process.argv[2];
const n = Number(process.argv[3] ?? 10000);
let next = 0, bytes = 0;
async function worker() {
  while (next < n) {
    next++;
    const r = await fetch(url);
    bytes += (await r.arrayBuffer()).byteLength;
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: 100 }, worker));
const dt = (performance.now() - t0) / 1000;
console.log(`${n} requests ${bytes} bytes ${dt.toFixed(3)} s ${Math.round(n / dt)} req/s`);
