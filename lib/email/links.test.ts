import { describe, expect, it } from "vitest";
import { extractLinks } from "./links";
import { renderEmail } from "./render";

describe("extractLinks", () => {
  it.each([
    ['<a href="https://a.test/x?y=1&amp;z=2">a</a>', ["https://a.test/x?y=1&z=2"]],
    ["<a href='http://b.test/'>b</a><a href=\"http://b.test/\">again</a>", ["http://b.test/"]],
    ['<a href="javascript:alert(1)">x</a><a href="mailto:a@b.test">m</a><a href="/relative">r</a>', []],
    ['<a href="https://c.test/&#x61;&#98;">c</a>', ["https://c.test/ab"]],
    ['<link rel="stylesheet" href="https://d.test/s.css"><a data-href="https://e.test">', ["https://d.test/s.css"]],
  ])("%s", (html, expected) => {
    expect(extractLinks(html)).toEqual(expected);
  });

  it("finds the sign-in link of a rendered sign-in email", async () => {
    const url = "http://fashionhub.localhost:3000/api/auth/callback/email?token=abc&email=lea%40example.test";
    const { html } = await renderEmail("sign-in", "fr", { url, code: "123456", storeName: "Fashion Hub" });
    expect(extractLinks(html)).toEqual([url]);
  });
});
