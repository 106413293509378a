/**
 * Layout checks for narrow screens: a page must fit the phone's width without scrolling sideways.
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** The narrowest phone we support (an iPhone SE of the first generation) and a common one. */
export const PHONE_WIDTHS = [320, 390] as const;

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The innermost elements that reach past the right edge, to say what to fix. */
  culprits: string[];
}

/** How far the document reaches past the window's right edge, and which elements do. */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > innerWidth) {
      const past = (element: Element) => element.getBoundingClientRect().right > innerWidth + 0.5;
      for (const element of Array.from(document.body.querySelectorAll("*"))) {
        if (!past(element) || Array.from(element.children).some(past)) continue;
        const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""}`;
        const text = (element.textContent ?? "").trim().slice(0, 40);
        culprits.push(`${name} (right ${Math.round(element.getBoundingClientRect().right)} px) "${text}"`);
        if (culprits.length === 5) break;
      }
    }
    return { scrollWidth, innerWidth, culprits };
  });
}

/**
 * Asserts that the page, at each phone width, is no wider than the window: nothing makes the
 * reader scroll sideways. The page is resized in place (media queries apply at once), so each
 * page is loaded only once. Leaves the page at the last width. Soft: a spec goes on to its other
 * pages, so one run lists every page that is too wide.
 */
export async function expectFitsPhones(page: Page, label: string): Promise<void> {
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await measure(page);
    expect.soft(overflow.scrollWidth, `${label} at ${width} px is ${overflow.scrollWidth} px wide: ${overflow.culprits.join("; ")}`).toBeLessThanOrEqual(
      overflow.innerWidth,
    );
  }
}

/**
 * Asserts that `element` lies whole inside the window at each phone width. A table inside a
 * sideways-scrolling box keeps its full width, so one whose last column is hidden behind that
 * scroll fails too, although the page itself does not scroll.
 */
export async function expectShownWhole(page: Page, element: Locator, label: string): Promise<void> {
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const right = await element.evaluate((node) => node.getBoundingClientRect().right);
    expect.soft(right, `${label} at ${width} px ends at ${Math.round(right)} px`).toBeLessThanOrEqual(width);
  }
}
