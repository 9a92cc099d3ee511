// The benchmark's reference: Debian's nginx serving pages as static files, configured with the caching proxy's
// main config (scripts/lib.mjs unprivilegedNginxConfig: worker_processes auto, sendfile, no access log) and with the proxy's gzip
// settings (proxy/nginx.conf), so the only difference measured is the proxy's work.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, findNginx, start, stop, unprivilegedNginxConfig, waitFor } from '../lib.mjs';

/**
 * Starts nginx in the foreground on 127.0.0.1:`port`, serving `files` ({ '/reviews/x': Buffer, '/': Buffer }) at
 * the same paths as the site, from a temporary folder that also holds its config, pid and temp files.
 * `stop()` stops it and deletes the folder.
 */
export const startStaticNginx = async ({ port, files }) => {
  const nginx = findNginx();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-static-'));
  let child;
  const stopStatic = async () => {
    if (child) {
      stop(child);
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Run as root, nginx's workers run as `nobody`: every folder and file they serve must be readable by anyone.
    chmodSync(dir, 0o755);
    const site = path.join(dir, 'site');
    mkdirSync(site, { mode: 0o755 });
    mkdirSync(path.join(dir, 'temp'), { mode: 0o755 });
    for (const [urlPath, body] of Object.entries(files)) {
      const file = urlPath.endsWith('/') ? path.join(site, urlPath, 'index.html') : path.join(site, urlPath);
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      writeFileSync(file, body, { mode: 0o644 });
    }
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      unprivilegedNginxConfig({
        dir,
        http: `    server {
        listen 127.0.0.1:${port};
        server_tokens off;
        root ${site};
        gzip on;
        gzip_vary on;
        gzip_min_length 1024;
        gzip_comp_level 5;
        gzip_types text/css text/plain text/xml text/javascript application/javascript application/json;
        location / {
            # Pages are saved under their URL path, without an extension.
            default_type text/html;
        }
    }`,
      }),
    );
    child = start('static', nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-e', 'stderr']);
    await waitFor(`http://127.0.0.1:${port}/`, 10_000, child);
  } catch (error) {
    await stopStatic();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop: stopStatic };
};
