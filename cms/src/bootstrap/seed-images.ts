import type { Core } from '@strapi/strapi';
import { internals } from '../strapi/internals';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** Three colours per film: the demo artwork is abstract, drawn here, so the demo ships no third-party images. */
const palettes: [string, string, string][] = [
  ['#f6c445', '#2b4c7e', '#f2efe6'],
  ['#3f6f4f', '#c9b27c', '#1d2b24'],
  ['#b2456e', '#fbeae5', '#552a4e'],
  ['#5c7c8a', '#e8d9b5', '#2e3a40'],
  ['#d1495b', '#2e4057', '#f4e9cd'],
  ['#8e6c8a', '#f0c987', '#2b2d42'],
];

const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);

/** A poster-like composition: a sky, a sun or moon, hills and a strip of film frames, varied by the seed text. */
export const artwork = (seed: string, width: number, height: number) => {
  const h = hash(seed);
  const [a, b, c] = palettes[h % palettes.length] ?? palettes[0]!;
  const sunX = 0.2 + ((h >>> 3) % 60) / 100;
  const hill = (offset: number, color: string, opacity: number) => {
    const y = height * (0.62 + offset);
    const crest = height * (0.45 + offset + ((h >>> (5 + offset * 10)) % 10) / 100);
    return `<path d="M0 ${y} Q ${width * 0.3} ${crest} ${width * 0.55} ${y - height * 0.04} T ${width} ${y - height * 0.06} V ${height} H 0 Z" fill="${color}" opacity="${opacity}"/>`;
  };
  const frames = Array.from(
    { length: 12 },
    (_, i) =>
      `<rect x="${(i * width) / 12 + 6}" y="${height - 34}" width="${width / 12 - 12}" height="18" rx="3" fill="#f5f1e8" opacity="0.35"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${b}"/><stop offset="1" stop-color="${a}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${width * sunX}" cy="${height * 0.32}" r="${Math.min(width, height) * 0.13}" fill="${c}" opacity="0.9"/>
  ${hill(0, c, 0.35)}${hill(0.1, b, 0.8)}
  <rect y="${height - 44}" width="${width}" height="44" fill="#111"/>${frames}
</svg>`;
};

/** Draws an image and stores it in the media library; returns the file's id for a media field. */
export const seedImage = async (
  strapi: Core.Strapi,
  name: string,
  alternativeText: string,
  width: number,
  height: number,
) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-seed-'));
  try {
    // WebP: a cover is the review page's largest paint, and a phone on a slow network waits for its bytes
    // (a third of the PNG's). Strapi's resized copies keep the format.
    const filepath = path.join(dir, `${name}.webp`);
    writeFileSync(
      filepath,
      await sharp(Buffer.from(artwork(name, width, height)))
        .webp({ quality: 80 })
        .toBuffer(),
    );
    const upload = internals(strapi).upload();
    const [file] = await upload.upload({
      data: { fileInfo: { name: `${name}.webp`, alternativeText, caption: null } },
      files: { filepath, originalFilename: `${name}.webp`, mimetype: 'image/webp', size: statSync(filepath).size },
    });
    return file?.id ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
