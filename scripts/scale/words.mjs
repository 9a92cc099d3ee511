// Word lists the scale generator builds its text from. Everything it writes is assembled from these with a seeded
// random generator: no prose is copied from anywhere, and the same seed writes the same database.

export const FILM_WORDS = [
  'Midnight',
  'Harbour',
  'Silver',
  'Winter',
  'Garden',
  'Echo',
  'Lantern',
  'River',
  'Paper',
  'Glass',
  'Crimson',
  'Hollow',
  'Northern',
  'Quiet',
  'Velvet',
  'Iron',
  'Summer',
  'Orchard',
  'Signal',
  'Tide',
  'Ember',
  'Falcon',
  'Meridian',
  'Static',
  'Cobalt',
  'Distant',
  'Harvest',
  'Thunder',
  'Marble',
  'Saltwater',
  'Neon',
  'Empire',
  'Lighthouse',
  'Ashes',
  'Canyon',
  'Drift',
  'Frontier',
  'Horizon',
  'Island',
  'Jasmine',
  'Kingdom',
  'Labyrinth',
  'Monsoon',
  'Nocturne',
  'Oracle',
  'Pilgrim',
  'Quarry',
  'Relic',
  'Sparrow',
  'Tundra',
  'Umbrella',
  'Vessel',
  'Wildfire',
  'Yonder',
  'Zenith',
  'Archive',
  'Ballad',
  'Carousel',
  'Delta',
  'Equinox',
  'Fable',
  'Gravity',
];

export const TITLE_PHRASES = [
  'a slow burn that earns its ending',
  'a quiet film about loud feelings',
  'ambition with nowhere to go',
  'the long way home',
  'a thriller that forgets to breathe',
  'grief, told in small rooms',
  'a comedy with teeth',
  'beautiful and a little hollow',
  'the best kind of mess',
  'patience rewarded',
  'a genre piece with a heart',
  'memory as a haunted house',
  'too much of a good thing',
  'a debut that knows what it wants',
  'an epic on a small budget',
  'love in the margins',
  'a mystery without a map',
  'the city as a character',
];

export const VOCABULARY = (
  'the film camera frame light shadow story character actor actress director scene shot score music sound ' +
  'silence dialogue ending opening act performance script pacing tension mood colour colour palette close-up ' +
  'montage editing cut long take handheld tracking landscape city house room window street night morning rain ' +
  'memory family brother sister mother father child friend stranger lover rival village harbour road train ' +
  'quiet slow fast bright dark warm cold strange familiar gentle brutal funny sad tender patient restless ' +
  'careful honest clever awkward elegant rough vivid muted bold subtle precise loose sharp soft heavy light ' +
  'moves holds returns finds loses opens closes builds breaks turns carries watches waits hides shows tells ' +
  'asks answers wants fears remembers forgets leaves arrives follows misses trusts doubts changes stays ' +
  'and but while because although so yet still even only almost never always often sometimes later again ' +
  'with without between under over through across against around before after inside outside beyond ' +
  'a an its their his her our this that every each another some most much more less little enough ' +
  'is was becomes feels seems looks sounds plays works lands fails earns deserves rewards asks ' +
  'audience viewer critic festival premiere sequel remake genre thriller comedy drama romance horror ' +
  'documentary western musical animation mystery adventure satire melodrama noir fantasy ' +
  'moment minute hour year decade season summer winter autumn spring journey choice mistake promise secret ' +
  'truth lie hope fear anger grief joy wonder doubt courage kindness cruelty loneliness friendship'
).split(/\s+/);

export const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Nils',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wim',
  'Ximena',
  'Yusuf',
  'Zoe',
];
export const LAST_NAMES = [
  'Abbott',
  'Berger',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Laurent',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Sato',
  'Tanaka',
  'Ueda',
  'Varga',
  'Weber',
];

export const GENRES = [
  'Drama',
  'Comedy',
  'Thriller',
  'Horror',
  'Romance',
  'Documentary',
  'Animation',
  'Science Fiction',
  'Fantasy',
  'Western',
  'Musical',
  'Mystery',
  'Crime',
  'War',
  'Adventure',
  'Family',
  'Noir',
  'Satire',
  'Biography',
  'History',
];

export const SECTION_HEADINGS = [
  'Plot summary',
  'Themes',
  'Performances',
  'Craft',
  'Music and sound',
  'Verdict',
  'Context',
];

export const FAQ_QUESTIONS = [
  'Is it based on a true story?',
  'Who plays the lead?',
  'Is there a post-credits scene?',
  'Where was it filmed?',
  'Is it suitable for children?',
  'How long is it?',
  'Is there a sequel?',
  'Who composed the score?',
];

export const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0',
];
