// Helpers for e2e/a11y.spec.ts: the axe scan, the no-sideways-scroll check and the screenshots, per page, at a
// desktop and a phone width, in the light and the dark scheme.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

export const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
export const SCHEMES = ["light", "dark"] as const;

/** The violations that fail the suite: axe's "serious" and "critical" (issue 7 item 6), in readable form. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Opens `path`, then at each width and scheme: axe finds nothing serious, a phone never scrolls sideways, and a
 * full-page screenshot goes to e2e/screenshots/<name>-<width>[-dark].png (ignored by git) for a reviewer to look at.
 */
export async function checkPage(page: Page, name: string, path: string): Promise<void> {
  await page.setViewportSize(VIEWPORTS[0]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(path);
  // "load", not "networkidle": the submit form keeps talking to the server (known examples, autosave).
  await page.waitForLoadState("load");
  const found: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await seriousViolations(page)).map((v) => `${viewport.width}px ${scheme}: ${v}`));
      if (viewport.width < 500) {
        const widths = await page.evaluate(() => ({
          scroll: document.scrollingElement!.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(widths.scroll, `${name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(widths.inner);
      }
      await page.screenshot({
        path: `e2e/screenshots/${name}-${viewport.width}${scheme === "dark" ? "-dark" : ""}.png`,
        fullPage: true,
      });
    }
  }
  expect(found, `${name} (${path})`).toEqual([]);
}

export async function callApi(request: APIRequestContext, token: string, url: string, data?: object) {
  const res = await request.fetch(url, {
    method: data ? "POST" : "GET",
    data,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string; version: number };
}
