#!/usr/bin/env node
/**
 * `npm start`: runs the standalone server that `next build` wrote (output: 'standalone'), after copying the
 * static assets it does not include. `next start` warns that it does not support standalone output.
 */
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const standalone = path.join(root, '.next', 'standalone')
const server = path.join(standalone, 'server.js')
if (!existsSync(server)) {
  console.error('No standalone build: run `npm run build` first.')
  process.exit(1)
}
cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true })
if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true })
await import(pathToFileURL(server).href)
