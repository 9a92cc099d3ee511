export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { encodeLargeStringBodies } = await import('./lib/utf8-bodies');
    encodeLargeStringBodies();
    const { env, missingProductionSecrets } = await import('./lib/env');
    const values = env();
    // `next build` runs without secrets (an image is built before any exist); a production server may not.
    if (values.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
      const missing = missingProductionSecrets(values);
      if (missing.length > 0) {
        // Next would log a thrown error and keep a half-started server listening; a refusal must stop it.
        console.error(`Refusing to start in production: set real values (16+ characters) for ${missing.join(', ')}`);
        process.exit(1);
      }
    }
  }
}
