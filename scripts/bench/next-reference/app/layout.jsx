export const metadata = {
  title: 'Next reference',
  description: 'A one-page Next.js app with one client button: the Lighthouse reference of npm run bench.',
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
