// The apex's pages. A layout below the root one gives their 404s a boundary that renders
// inside <html lang> (a not-found boundary beside the root layout loses it).
export default function PlatformLayout({ children }: LayoutProps<"/[locale]">) {
  return children;
}
