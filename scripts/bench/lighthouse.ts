/**
 * Lighthouse on storefront pages with its default (mobile) configuration, in Debian's Chromium.
 * Returns the performance and accessibility scores (0-100) of each page.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseScores {
  name: string;
  url: string;
  performance: number;
  accessibility: number;
}

export async function runLighthouse(pages: Array<{ name: string; url: string }>): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    // The same flags as the e2e tests: no sandbox as root, and no calls to Google's services.
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const page of pages) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
      scores.push({
        ...page,
        performance: score("performance"),
        accessibility: score("accessibility"),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
