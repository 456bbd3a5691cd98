// SPDX-License-Identifier: MIT
// What the playground's browser tests share: Debian's Chromium (never a downloaded browser), its
// flags, a watch that fails a test as soon as the page reports an error, and the wait for the page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** A browser test's `skip`: false, or why it cannot run here. */
export const SKIP_WITHOUT_CHROMIUM = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test`;
/** In the page (for PageWatch.until): the held-out accuracy is above `level`. */
export const validationAbove = (level: number) => Number(document.getElementById('heldout-accuracy')!.dataset.value) > level;
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Collects the page's errors; `until` waits for a condition but fails as soon as an error shows. */
export class PageWatch {
  readonly problems: string[] = [];
  private fail: (error: Error) => void = () => {};
  private readonly failed = new Promise<never>((_, reject) => {
    this.fail = reject;
  });

  constructor(private readonly page: Page) {
    this.failed.catch(() => {}); // reported through until() and check()
    page.on('console', (message) => {
      if (message.type() === 'error') this.report(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.report(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      // A blob: URL lives in the page itself: it cannot fail on the network, and ERR_ABORTED means
      // the request was cancelled, as a reload the test makes cancels the old page's (a worker's
      // script, the download of the saved weights). Seen once under load: not a page error.
      if (request.url().startsWith('blob:') && reason === 'net::ERR_ABORTED') return;
      this.report(`request failed: ${request.url()} (${reason})`);
    });
  }

  private report(problem: string): void {
    this.problems.push(problem);
    this.fail(new Error(`the page reported an error: ${problem}`));
  }

  check(): void {
    assert.deepEqual(this.problems, [], 'the page reported errors');
  }

  /** Waits until `condition(arg)` is true in the page; a timeout names what was awaited and the status line. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the argument is serialised into the page
  async until(what: string, condition: (arg: any) => boolean, arg: string | number | null, timeout = 15_000): Promise<void> {
    try {
      await Promise.race([this.page.waitForFunction(condition, arg, { timeout, polling: 100 }), this.failed]);
    } catch (error) {
      const status = await this.page.locator('#status').textContent().catch(() => '?');
      throw new Error(`waiting for ${what}: ${(error as Error).message.split('\n')[0]} (status line: '${status}')`);
    }
  }
}

export async function waitForReady(page: Page, watch: PageWatch): Promise<string> {
  await watch.until('the page to be ready', () => !(document.getElementById('start') as HTMLButtonElement).disabled, null, 30_000);
  return (await page.locator('#backend').textContent()) ?? '';
}

