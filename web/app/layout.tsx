import type { Metadata, Viewport } from 'next';
import { SiteFooter, SiteHeader } from '@/components/layout/site-chrome';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Marquee: film reviews', template: '%s · Marquee' },
  description: 'Film reviews, verdicts and conversation.',
  alternates: { types: { 'application/rss+xml': '/feed.xml' } },
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = { themeColor: '#14110f' };

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="wrap">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
