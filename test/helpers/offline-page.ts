/** A Chromium page that may reach 127.0.0.1 only, and records everything that went wrong on it. */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";

export const artifactsDir = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export interface OfflinePage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests (other than the ones blocked below). */
  problems: string[];
  /** Every request for anything not on 127.0.0.1: blocked, and listed here (a test expects none). */
  offMachine: string[];
  close(): Promise<void>;
  /** Saves a screenshot in test-artifacts/ (CI keeps the folder) and returns its path. */
  shot(name: string, what?: { selector?: string; fullPage?: boolean }): Promise<string>;
}

export async function openOfflinePage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 1000 },
    colorScheme: options.colorScheme ?? "light",
  });
  const problems: string[] = [];
  const offMachine: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
    offMachine.push(url.href);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (!offMachine.includes(request.url())) problems.push(`request failed: ${request.url()}`);
  });
  return {
    page,
    problems,
    offMachine,
    close: () => context.close(),
    async shot(name, what = {}) {
      await mkdir(artifactsDir, { recursive: true });
      const path = join(artifactsDir, name);
      if (what.selector) await page.locator(what.selector).screenshot({ path });
      else await page.screenshot({ path, fullPage: what.fullPage ?? true });
      return path;
    },
  };
}
