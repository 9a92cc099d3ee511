import { CmsImage } from '@/components/media/cms-image';
import type { Film } from '@/lib/cms/films';
import { formatRuntime } from '@/lib/format';

export function FilmFacts({ film }: { film: Film }) {
  const facts: [string, string][] = [
    ...(film.originalTitle && film.originalTitle !== film.title
      ? [['Original title', film.originalTitle] as [string, string]]
      : []),
    ...(film.year ? [['Year', String(film.year)] as [string, string]] : []),
    ...(film.directors.length > 0
      ? [[film.directors.length > 1 ? 'Directors' : 'Director', film.directors.join(', ')] as [string, string]]
      : []),
    ...(film.country ? [['Country', film.country] as [string, string]] : []),
    ...(film.language ? [['Language', film.language] as [string, string]] : []),
    ...(film.runtimeMinutes ? [['Runtime', formatRuntime(film.runtimeMinutes)] as [string, string]] : []),
    ...(film.genres.length > 0 ? [['Genres', film.genres.map((g) => g.name).join(', ')] as [string, string]] : []),
  ];
  return (
    <aside className="film-facts" aria-labelledby="film-facts-title">
      {film.poster ? (
        <CmsImage image={film.poster} className="film-poster" alt={film.poster.alt || `Poster of ${film.title}`} />
      ) : null}
      <h2 id="film-facts-title">{film.title}</h2>
      <dl>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {film.cast.length > 0 ? (
        <>
          <h3>Cast</h3>
          <ul className="cast">
            {film.cast.map((c) => (
              <li key={`${c.name}-${c.character ?? ''}`}>
                {c.name}
                {c.character ? <span className="muted"> as {c.character}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
