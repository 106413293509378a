/** The narrow column that sign-in pages sit in. */
export function AuthCard({ titleId, children }: { titleId: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={titleId} className="mx-auto flex w-full max-w-md flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {children}
    </section>
  );
}
