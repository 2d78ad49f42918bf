// Opens a `segc report` page in headless Chromium and checks it against the JSON summary of
// `segc run --format json --overlaps --histograms` of the same rules and data:
//   node check_report.mjs MODULES_DIR CHROMIUM REPORT.html SUMMARY.json SCREENSHOT.png LANG
// Fails (exit 1) when the page requests anything but itself, when a summary value has no
// element with data-segc="PATH" or an element's data-value differs, when an integer's text
// differs, when an element names a path the summary does not have, when a script element
// exists, or when the French page has English headings. Saves a full-page screenshot.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, chromium, html, summaryPath, png, lang] = process.argv.slice(2);
const require = createRequire(resolve(modules) + "/");
const puppeteer = require("puppeteer-core");

const failures = [];
const fail = (message) => failures.push(message);

// Every leaf of the summary by its path: member names and array indices joined by '.'.
function leaves(value, path, out) {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, path === "" ? k : `${path}.${k}`, out);
  } else {
    out.set(path, value);
  }
  return out;
}

const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
const expected = leaves(summary, "", new Map());
const fileUrl = pathToFileURL(resolve(html)).href;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  const requested = [];
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === fileUrl) {
      request.continue();
    } else {
      requested.push(request.url());
      request.abort();
    }
  });
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(fileUrl, { waitUntil: "load" });
  if (requested.length > 0) fail(`the page requested ${requested.length} URL(s): ${requested.join(", ")}`);

  const found = await page.evaluate(() => ({
    elements: [...document.querySelectorAll("[data-segc]")].map((e) => ({
      path: e.getAttribute("data-segc"),
      raw: e.getAttribute("data-value"),
      text: e.textContent.trim(),
    })),
    scripts: document.querySelectorAll("script").length,
    links: [...document.querySelectorAll("[src],[href]")].map(
      (e) => e.getAttribute("src") ?? e.getAttribute("href")),
    headings: [...document.querySelectorAll("h1,h2,h3")].map((e) => e.textContent),
    lang: document.documentElement.lang,
    descriptions: [...document.querySelectorAll("td.desc")].map((e) => e.textContent),
  }));
  if (found.scripts !== 0) fail(`${found.scripts} script element(s) in the page`);
  for (const link of found.links) {
    if (/http|\/\//i.test(link)) fail(`external reference in src/href: ${link}`);
  }

  const byPath = new Map();
  for (const e of found.elements) {
    if (!byPath.has(e.path)) byPath.set(e.path, []);
    byPath.get(e.path).push(e);
  }
  let checked = 0;
  for (const [path, value] of expected) {
    const elements = byPath.get(path);
    if (!elements) {
      fail(`no element for ${path} = ${JSON.stringify(value)}`);
      continue;
    }
    for (const e of elements) {
      let shown;
      try {
        shown = JSON.parse(e.raw);
      } catch {
        fail(`${path}: data-value '${e.raw}' is not JSON`);
        continue;
      }
      if (shown !== value) fail(`${path}: page ${e.raw}, summary ${JSON.stringify(value)}`);
      if (/^-?\d+$/.test(e.raw) && e.text !== e.raw) fail(`${path}: text '${e.text}', value ${e.raw}`);
      if (typeof value === "string" && e.text !== value) fail(`${path}: text '${e.text}', value '${value}'`);
    }
    checked++;
  }
  for (const path of byPath.keys()) {
    if (!expected.has(path)) fail(`element ${path} is not a value of the summary`);
  }

  if (lang === "fr") {
    if (found.lang !== "fr") fail(`<html lang="${found.lang}">, expected fr`);
    for (const heading of ["Rapport segc", "Statistiques de population", "Chevauchements"]) {
      if (!found.headings.includes(heading)) fail(`French heading '${heading}' missing: ${found.headings.join(" | ")}`);
    }
    for (const english of ["Population statistics", "Overlaps", "Measures"]) {
      if (found.headings.includes(english)) fail(`English heading '${english}' in the French page`);
    }
  } else if (!found.headings.includes("Population statistics")) {
    fail(`heading 'Population statistics' missing: ${found.headings.join(" | ")}`);
  }
  await page.screenshot({ path: png, fullPage: true });
  console.log(`${checked} summary values checked on ${found.elements.length} elements; ` +
              `${requested.length} external requests; descriptions: ${found.descriptions.length}`);
  const unsafe = found.descriptions.find((d) => d.includes("<script>"));
  if (unsafe) console.log(`a description shown as text: ${unsafe}`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  for (const f of failures.slice(0, 40)) console.error(`FAIL: ${f}`);
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
