import { getTranslations } from "next-intl/server";
import type { RenderedEmail } from "@/lib/email/types";
import { CopyButton } from "./copy-button";

/**
 * The message as its recipient sees it. The HTML runs in a sandboxed iframe (no scripts, no
 * access to this page); links may open in a new tab, and are also listed above it.
 */
export async function EmailPreview({ rendered, links }: { rendered: RenderedEmail; links: string[] }) {
  const t = await getTranslations("Mailbox.detail");
  return (
    <>
      {links.length > 0 && (
        <section aria-labelledby="email-links" className="mt-8">
          <h2 id="email-links" className="text-lg font-semibold">
            {t("links")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("linksHint")}</p>
          <ul className="mt-3 space-y-2">
            {links.map((link) => (
              <li key={link} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3">
                <a href={link} target="_blank" rel="noopener noreferrer" className="min-w-0 flex-1 break-all font-mono text-sm text-brand-700 underline">
                  {link}
                </a>
                <CopyButton value={link} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="email-html" className="mt-8">
        <h2 id="email-html" className="text-lg font-semibold">
          {t("message")}
        </h2>
        <iframe
          title={t("iframeTitle", { subject: rendered.subject })}
          srcDoc={rendered.html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          className="mt-3 h-[44rem] w-full rounded-lg border border-slate-200 bg-white"
        />
      </section>
      <section aria-labelledby="email-text" className="mt-8">
        <h2 id="email-text" className="text-lg font-semibold">
          {t("text")}
        </h2>
        <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm">
          {rendered.text}
        </pre>
      </section>
    </>
  );
}
