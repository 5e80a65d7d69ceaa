// The browser test of the web build: serves the folder on 127.0.0.1, loads it in headless
// Chromium (software WebGL) and checks that the page paints the chart in the kind colours, that
// the console has no errors, and that a click on a body changes what is drawn.
// Usage: node web/test/test.mjs [target/web]; exits 1 with the reason on a failure.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

const root = path.resolve(process.argv[2] ?? "target/web");
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".png": "image/png" };
const server = http.createServer((req, res) => {
  let file = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (file.endsWith("/")) file += "index.html";
  file = path.join(root, path.normalize(file));
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(data);
  });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const failures = [];

// Issue 29's goals: 3 MB of gzipped wasm and the first frame within 1.5 s of navigation. The
// size is not met (3.95 MB: egui's text stack and the exports' SVG, PNG and PDF stack are most
// of it); it fails above 4.2 MB, so that it does not grow unnoticed. The first paint is given
// twice its goal before failing: CI's machine is shared, and software WebGL's first shader
// compile varies from run to run.
const SIZE_GOAL = 3_000_000;
const SIZE_LIMIT = 4_200_000;
const PAINT_GOAL = 1.5;
const PAINT_LIMIT = 2 * PAINT_GOAL;
const wasm = fs.readFileSync(path.join(root, "csto-atlas_bg.wasm"));
const gzipped = zlib.gzipSync(wasm, { level: 9 }).length;
const mb = (n) => (n / 1e6).toFixed(2);
// Every page's first paint, kept with the sizes for benches/report.py (figures.json).
const paints = [];
console.log(`web: ${mb(wasm.length)} MB of wasm, ${mb(gzipped)} MB gzipped (goal ${mb(SIZE_GOAL)} MB: ${gzipped <= SIZE_GOAL ? "met" : "not met"}; limit ${mb(SIZE_LIMIT)} MB)`);
if (gzipped > SIZE_LIMIT) failures.push(`the wasm is ${mb(gzipped)} MB gzipped (limit ${mb(SIZE_LIMIT)} MB)`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(url);
  if ((await page.title()) !== "CSTO Atlas") failures.push(`the page's title is ${await page.title()}`);
  const favicon = await page.request.get(url + "favicon.png");
  if (!favicon.ok()) failures.push("no favicon");
  await page.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 180_000 });
  console.log(`web: started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The app sets window.atlasPainted (ms since navigation) when its first frame is on the page.
  await page.waitForFunction(() => window.atlasPainted, null, { timeout: 60_000 });
  const painted = (await page.evaluate(() => window.atlasPainted)) / 1000;
  paints.push(painted);
  console.log(`web: first paint ${painted.toFixed(2)} s after navigation (goal ${PAINT_GOAL} s: ${painted <= PAINT_GOAL ? "met" : "not met"}; limit ${PAINT_LIMIT} s)`);
  if (painted > PAINT_LIMIT) failures.push(`the first frame came ${painted.toFixed(2)} s after navigation (limit ${PAINT_LIMIT} s)`);
  await page.waitForTimeout(2000);
  const shot = async (name) => PNG.sync.read(await page.screenshot({ path: path.join(root, name) }));
  const before = await shot("screenshot.png");

  // The kinds' outline colours, as the light theme draws them (assets/csto.ron).
  const kinds = { statutory: [0x2b, 0x5c, 0x9e], permanent: [0x2e, 0x7d, 0x32], subsidiary: [0xa8, 0x64, 0x00] };
  const near = (png, i, [r, g, b]) =>
    Math.abs(png.data[i] - r) < 20 && Math.abs(png.data[i + 1] - g) < 20 && Math.abs(png.data[i + 2] - b) < 20;
  const pixels = (png, colour) => {
    const found = [];
    for (let y = 0; y < png.height; y++) {
      for (let x = 300; x < png.width; x++) {
        if (near(png, (y * png.width + x) * 4, colour)) found.push([x, y]);
      }
    }
    return found;
  };
  for (const [kind, colour] of Object.entries(kinds)) {
    const n = pixels(before, colour).length;
    if (n < 50) failures.push(`only ${n} pixels in the ${kind} bodies' colour: the chart is not painted`);
  }

  // A click inside the topmost statutory box (the Collective Security Council) selects it. The
  // Parliamentary Assembly stands as high at the far right: of the boxes whose top is within a
  // few pixels of the highest, take the leftmost.
  const outline = pixels(before, kinds.statutory);
  if (outline.length) {
    const highest = Math.min(...outline.map(([, y]) => y));
    const band = outline.filter(([, y]) => y <= highest + 6);
    const left = Math.min(...band.map(([x]) => x));
    // The top edge of that box: its highest pixels near its left side, leftmost first.
    const top = band
      .filter(([x]) => x < left + 60)
      .reduce((a, b) => (b[1] < a[1] || (b[1] === a[1] && b[0] < a[0]) ? b : a));
    // The run of that colour along the box's top edge, from its left corner.
    const row = new Set(outline.filter(([, y]) => y === top[1]).map(([x]) => x));
    let right = top[0];
    while (row.has(right + 1) || row.has(right + 2)) right += row.has(right + 1) ? 1 : 2;
    const x = (top[0] + right) / 2;
    const y = top[1] + 20;
    console.log(`web: clicking the top statutory box at ${x}, ${y}`);
    // egui follows the pointer: it moves there first, then presses and releases.
    await page.mouse.move(x - 30, y);
    await page.mouse.move(x, y, { steps: 5 });
    await page.waitForTimeout(200);
    await page.mouse.down();
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.waitForTimeout(1500);
    const after = await shot("screenshot-clicked.png");
    let changed = 0;
    for (let i = 0; i < after.data.length; i += 4) {
      if (after.data[i] !== before.data[i] || after.data[i + 1] !== before.data[i + 1]) changed++;
    }
    const share = changed / (after.width * after.height);
    console.log(`web: a click changed ${(share * 100).toFixed(1)}% of the page`);
    if (share < 0.02) failures.push("a click on a body changed nothing");
    // The address follows the view, so that a link reopens it.
    const hash = await page.evaluate(() => location.hash);
    if (!hash.includes("select=csc")) failures.push(`the address does not name the selection: "${hash}"`);
  }
  // A link opens its view: the selection and the date survive the start.
  const linked = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  linked.on("pageerror", (e) => errors.push(String(e)));
  await linked.goto(url + "#select=cmd&as-of=2005-01-01");
  await linked.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 180_000 });
  await linked.waitForFunction(() => window.atlasPainted, null, { timeout: 60_000 });
  paints.push((await linked.evaluate(() => window.atlasPainted)) / 1000);
  await linked.waitForTimeout(1000);
  const kept = await linked.evaluate(() => location.hash);
  // The address is rewritten in the view's own order; what it says must be the same.
  const params = (h) => [...new URLSearchParams(h.replace(/^#/, ""))].map((p) => p.join("=")).sort().join("&");
  if (params(kept) !== params("#select=cmd&as-of=2005-01-01")) failures.push(`a link's view was not opened: "${kept}"`);
  await linked.screenshot({ path: path.join(root, "screenshot-link.png") });
  // #lang=ru opens the Russian interface: the menu bar's words (Файл Вид Справка, not File
  // View Help) are other pixels than the English page's, and the address keeps the language.
  const russian = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  russian.on("pageerror", (e) => errors.push(String(e)));
  await russian.goto(url + "#lang=ru");
  await russian.waitForFunction(() => !document.getElementById("loading"), null, { timeout: 180_000 });
  await russian.waitForFunction(() => window.atlasPainted, null, { timeout: 60_000 });
  paints.push((await russian.evaluate(() => window.atlasPainted)) / 1000);
  await russian.waitForTimeout(1500);
  const ru = PNG.sync.read(await russian.screenshot({ path: path.join(root, "screenshot-ru.png") }));
  let menuDiffers = 0;
  for (let y = 0; y < 20; y++) {
    for (let x = 0; x < 200; x++) {
      const i = (y * ru.width + x) * 4;
      if (Math.abs(ru.data[i] - before.data[i]) > 40) menuDiffers++;
    }
  }
  console.log(`web: the Russian menu bar differs in ${menuDiffers} pixels`);
  if (menuDiffers < 40) failures.push("#lang=ru did not change the menu bar's words");
  const ruHash = await russian.evaluate(() => location.hash);
  if (!ruHash.includes("lang=ru")) failures.push(`the address lost the language: "${ruHash}"`);
  if (errors.length) failures.push(`console errors:\n  ${errors.join("\n  ")}`);
} finally {
  await browser.close();
  server.close();
}
console.log(`web: first paints ${paints.map((p) => p.toFixed(2)).join(", ")} s`);
fs.writeFileSync(path.join(root, "figures.json"), JSON.stringify({
  measured: new Date().toISOString().slice(0, 10),
  wasm_bytes: wasm.length,
  gzipped_bytes: gzipped,
  first_paint_s: paints,
}, null, 1) + "\n");
if (failures.length) {
  console.error("web test failed:\n- " + failures.join("\n- "));
  process.exit(1);
}
console.log("web: ok (screenshots in " + root + ")");
