// Opens the pages `hi site` and `hi report --html` wrote in Debian's chromium, headless, as a
// person would at 1280 and at 390 pixels wide, with JavaScript on and off. Fails on any console
// error, uncaught exception, failed request or request for anything outside the files; on a
// page wider than a phone at 390 pixels; on a script enhancement that does nothing; and on a
// report that prints to more than two pages on letter or A4 paper. Saves a screenshot of each
// page at each width, and each report as PDF.
//
// Usage: node check.mjs OUT_DIR   (OUT_DIR holds site/ and the reports *.html; results go
// into OUT_DIR/shots and OUT_DIR/pdf)

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const out = resolve(process.argv[2] ?? "target/browser-check");
const shots = join(out, "shots");
const pdfs = join(out, "pdf");
mkdirSync(shots, { recursive: true });
mkdirSync(pdfs, { recursive: true });

const pages = [
  ["index", "site/index.html"],
  ["credential", "site/certs/cphims.html"],
  ["list", "site/certs/track/coding.html"],
  ["comparison", "site/compare/cahims_vs_cphims.html"],
  ["picker", "site/compare/index.html"],
  ["role", "site/roles/analyst.html"],
  ["occupation", "site/occupations/29-9021.html"],
  ["source", "site/sources/seed-article.html"],
  ["report-rn", "report-rn.html"],
  ["report-holder", "report-holder.html"],
];
const widths = [1280, 390];
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** A page that reports what goes wrong on it into `problems`. */
async function open(context, name, file) {
  const page = await context.newPage();
  const url = pathToFileURL(join(out, file)).href;
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      problems.push(`${name}: console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`${name}: uncaught: ${e.message}`));
  page.on("requestfailed", (r) =>
    problems.push(`${name}: request failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  page.on("request", (r) => {
    if (!r.url().startsWith("file://")) {
      problems.push(`${name}: asks something from elsewhere: ${r.url()}`);
    }
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (response && !response.ok()) problems.push(`${name}: ${response.status()} for ${url}`);
  return page;
}

for (const javaScript of [true, false]) {
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled: javaScript,
    });
    for (const [name, file] of pages) {
      const page = await open(context, name, file);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) problems.push(`${name}: ${wide} px wide in a ${width} px window`);
      const charts = await page.locator("figure.chart svg[role=img]").count();
      const suffix = javaScript ? "" : "-nojs";
      await page.screenshot({ path: join(shots, `${name}-${width}${suffix}.png`), fullPage: true });
      console.log(`${name} at ${width} px${javaScript ? "" : ", no JavaScript"}: ${charts} charts`);
      await page.close();
    }
    await context.close();
  }
}

// The enhancements do what they say, and are absent without the script.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const list = await open(context, "list", "site/certs/index.html");
  const rows = await list.locator("tr[data-fee-row]").count();
  await list.fill("form.fee-filter input[name=max]", "300");
  const shown = await list.locator("tr[data-fee-row]:not([hidden])").count();
  if (!(shown > 0 && shown < rows)) problems.push(`fee ceiling: ${shown} of ${rows} rows shown`);
  await list.screenshot({ path: join(shots, "list-fee-ceiling-1280.png"), fullPage: true });
  const picker = await open(context, "picker", "site/compare/index.html");
  await picker.selectOption("form.picker select[name=a]", "rhia");
  await picker.selectOption("form.picker select[name=b]", "cphims");
  const columns = await picker.locator("#picked thead th[data-col]").allTextContents();
  if (columns.join(",") !== "RHIA,CPHIMS" && columns.join(",") !== "CPHIMS,RHIA") {
    problems.push(`picker: columns ${columns.join(",")}`);
  }
  await picker.screenshot({ path: join(shots, "picker-rhia-cphims-1280.png"), fullPage: true });
  await context.close();
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await open(off, "picker", "site/compare/index.html");
  if (await still.locator("form.picker").isVisible()) problems.push("picker shown without script");
  if ((await still.locator("ul.pairs a").count()) === 0) problems.push("no pairs without script");
  await off.close();
}

// Each report prints to two pages or fewer, on letter and on A4.
{
  const context = await browser.newContext();
  for (const [name, file] of pages.filter(([n]) => n.startsWith("report"))) {
    const page = await open(context, name, file);
    for (const format of ["Letter", "A4"]) {
      const path = join(pdfs, `${name}-${format}.pdf`);
      await page.pdf({ path, format, printBackground: true });
      const info = execFileSync("pdfinfo", [path]).toString();
      const count = Number(/Pages:\s+(\d+)/.exec(info)[1]);
      console.log(`${name} on ${format}: ${count} pages`);
      if (count > 2) problems.push(`${name}: ${count} pages on ${format}`);
    }
  }
  await context.close();
}

await browser.close();
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`browser check: ${problems.length} problems`);
  process.exit(1);
}
console.log(`browser check: no problems; screenshots in ${shots}`);
