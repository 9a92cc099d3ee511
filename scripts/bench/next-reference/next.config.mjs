import path from 'node:path';

// Built in place by the bench with web's node_modules linked in: Turbopack resolves only below its root, so the root
// is the repository, which holds both this folder and web/node_modules.
const repository = path.join(import.meta.dirname, '..', '..', '..');

/** @type {import('next').NextConfig} */
export default { turbopack: { root: repository }, outputFileTracingRoot: repository };
