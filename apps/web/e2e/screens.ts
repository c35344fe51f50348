// Screenshots for people to look at (test-results/screens/<page>-<width>.png), shared by the
// screens specs.
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const SCREENS = join(import.meta.dirname, '..', 'test-results', 'screens');
export const WIDTHS = [
  { name: 'desktop', width: 1440, height: 1000 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * What a resize or an opened dialog started has finished: transitions (the sidebar slides away
 * when the window narrows to a phone's), fonts, and two frames painted.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // Finite ones only: a pulsing badge or a spinner never finishes.
    const ending = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY);
    await Promise.all(ending.map((animation) => animation.finished.catch(() => null)));
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * The page at each width, then no browser error may have happened on it. The whole page: the
 * window is made as tall as the page, so what is fixed to it (the sidebar, a dialog's backdrop)
 * spans the picture as it would the screen. `whole: false` for an open dialog: the window only.
 */
export async function shoot(
  page: Page,
  name: string,
  problems: string[],
  { whole = true }: { whole?: boolean } = {},
): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settled(page);
    if (whole) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (height > size.height) {
        await page.setViewportSize({ width: size.width, height: Math.min(height, MAX_HEIGHT) });
        await settled(page);
      }
    }
    await page.screenshot({ path: join(SCREENS, `${name}-${size.name}.png`) });
  }
  await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
  expect(problems, `browser errors on ${name}`).toEqual([]);
}

/** Taller than any page here; a runaway layout still gives a picture. */
const MAX_HEIGHT = 8000;
