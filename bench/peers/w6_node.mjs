// W6 with Node's fs.promises: write N 4 KiB files, read them back, 64 in
// flight.
import { writeFile, readFile } from "node:fs/promises";
const dir = process.argv[2];
const n = Number(process.argv[3] ?? 10000);
const data = Buffer.alloc(4096, 0).map((_, i) => i % 251);
async function pool(fn) {
  let next = 0;
  const worker = async () => { while (next < n) await fn(next++); };
  await Promise.all(Array.from({ length: 64 }, worker));
}
let bytes = 0;
const t0 = performance.now();
await pool((i) => writeFile(`${dir}/f${i}`, data));
const t1 = performance.now();
await pool(async (i) => {
  const b = await readFile(`${dir}/f${i}`);
  bytes += b.length; // not `bytes += await ...`: that reads bytes first
});
const t2 = performance.now();
console.log(`${n} files ${bytes} bytes write ${Math.round(n / ((t1 - t0) / 1000))} files/s read ${Math.round(n / ((t2 - t1) / 1000))} files/s`);
