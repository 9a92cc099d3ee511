import localFont from 'next/font/local'

// Self-hosted from @fontsource/inter: the build machine has no access to Google Fonts.
export const inter = localFont({
  src: [
    { path: '../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-800-normal.woff2', weight: '800', style: 'normal' },
  ],
  display: 'swap',
  // Not preloaded: on a slow phone network three preloaded weights (75 KB) queue ahead of the cover image, the
  // page's largest paint; text shows at once in the fallback font and swaps when a weight arrives.
  preload: false,
  variable: '--font-sans',
})
