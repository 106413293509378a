/** The terminal's two sections (loyalty cards, gift cards) as links, the current one marked for screen readers too. */
export function TerminalTabs({ current, links, label }: { current: "loyalty" | "giftCards"; links: Record<"loyalty" | "giftCards", { href: string; text: string }>; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-2 border-b border-slate-200">
        {(["loyalty", "giftCards"] as const).map((key) => (
          <li key={key}>
            <a
              href={links[key].href}
              aria-current={current === key ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 font-medium ${current === key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {links[key].text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
