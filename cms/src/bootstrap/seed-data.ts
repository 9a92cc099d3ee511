/**
 * Marquee's demo content, written by the Marquee team in its own words. Film facts are public record; every review,
 * FAQ and comment here is original.
 */

export interface SeedFilm {
  title: string;
  originalTitle?: string;
  year: number;
  country: string;
  language: string;
  runtime: number;
  directors: string[];
  cast: { name: string; character?: string }[];
  genres: string[];
}

export interface SeedReview {
  title: string;
  slug: string;
  excerpt: string;
  author: string;
  film: SeedFilm;
  rating: number;
  bestRating: number;
  worstRating: number;
  verdict: string;
  sections: { heading: string; paragraphs: string[]; spoiler?: boolean }[];
  faqs: { question: string; answer: string }[];
  metaDescription: string;
}

export interface SeedComment {
  review: string;
  name: string;
  email: string;
  website?: string;
  body: string;
  status: 'approved' | 'pending' | 'spam';
  heldReason?: string;
  /** The reader's stars for the film (1-5); only approved ones count towards the readers' score. */
  rating?: number;
  replies?: Omit<SeedComment, 'review' | 'replies'>[];
}

export const genres = ['Drama', 'Comedy', 'Family', 'Thriller', 'Animation', 'Fantasy', 'Romance', 'Crime'];

export const authors = [
  {
    name: 'Mara Ellison',
    bio: 'Mara has written about films for fifteen years and still cries at the right moments. She favours character dramas and anything shot on location.',
  },
  {
    name: 'Jun Park',
    bio: 'Jun covers Korean and Japanese cinema for Marquee, with a soft spot for genre films that smuggle in something serious.',
  },
];

export const reviews: SeedReview[] = [
  {
    title: 'Miracle in Cell No. 7 review: a prison weepie that earns its tears',
    slug: 'miracle-in-cell-no-7-review',
    excerpt:
      'Lee Hwan-kyung turns a far-fetched premise into one of the most openly emotional films Korean cinema has exported, anchored by a tender lead performance from Ryu Seung-ryong.',
    author: 'Jun Park',
    film: {
      title: 'Miracle in Cell No. 7',
      originalTitle: '7번방의 선물',
      year: 2013,
      country: 'South Korea',
      language: 'Korean',
      runtime: 127,
      directors: ['Lee Hwan-kyung'],
      cast: [
        { name: 'Ryu Seung-ryong', character: 'Lee Yong-gu' },
        { name: 'Kal So-won', character: 'Ye-seung (child)' },
        { name: 'Park Shin-hye', character: 'Ye-seung (adult)' },
        { name: 'Oh Dal-su', character: 'So Yang-ho' },
        { name: 'Jung Jin-young', character: 'Warden Jang Min-hwan' },
      ],
      genres: ['Drama', 'Comedy', 'Family'],
    },
    rating: 4,
    bestRating: 5,
    worstRating: 1,
    verdict:
      'Sentimental by design and unashamed of it, Miracle in Cell No. 7 works because its comedy is warm, its cast is generous and its central father-daughter bond never rings false. Bring tissues, and forgive the contrivances.',
    metaDescription:
      'Our review of Miracle in Cell No. 7 (2013): plot, themes, box office, remakes and whether the Korean tearjerker still holds up.',
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          'Lee Yong-gu is a gentle man with an intellectual disability who lives for his young daughter, Ye-seung, and for the yellow Sailor Moon backpack he has promised to buy her. A chain of misunderstandings ends with him arrested for a crime he did not commit, and a frightened, unrepresented man is quickly railroaded into a death sentence.',
          'In cell number seven his hardened cellmates first treat him as a nuisance. When he saves the life of one of them, they decide to repay him in the only currency they have: they smuggle Ye-seung into the prison so father and daughter can be together, and begin to wonder whether he could ever have done what he is accused of.',
        ],
      },
      {
        heading: 'Themes',
        paragraphs: [
          'The film is about love as something practical: a father who cannot read a legal document but knows exactly how his daughter likes her food. It sets that love against an institution that only sees a file, and asks who is really capable of understanding whom.',
          'It is also a story about chosen family. The inmates, each guilty of something, become a makeshift household around a child, and their redemption is measured in small acts of care rather than grand speeches.',
        ],
      },
      {
        heading: 'Cinematic elements',
        paragraphs: [
          'Lee Hwan-kyung stages the prison as a warm, cluttered space rather than a cold one, which lets the first hour play almost as a farce. The comic timing of the ensemble, especially Oh Dal-su as the cell boss, keeps the sentiment from curdling.',
          "The score leans heavily on piano and strings, and the film frames its story as the grown-up Ye-seung's memory, a device that explains both the soft, golden look of the flashbacks and the unabashed melodrama of the final act.",
        ],
      },
      {
        heading: 'Cultural impact',
        paragraphs: [
          'Released over the 2013 Lunar New Year holiday, the film became a family event in South Korea, and word of mouth kept it in cinemas for months. Its success renewed debate about how people with disabilities are treated by the justice system, and how the screen tends to portray them.',
        ],
      },
      {
        heading: 'Box office',
        paragraphs: [
          'Made on a modest budget, it sold more than twelve million tickets at home, placing it among the most-watched Korean films ever released in the country and making it one of the surprise hits of its decade.',
        ],
      },
      {
        heading: 'Critical acclaim',
        paragraphs: [
          'Critics were divided on its sentimentality but nearly united on its performances. Ryu Seung-ryong, until then better known for tough-guy and villain roles, was widely praised for playing Yong-gu without condescension, and the role brought him a Best Actor prize at the Baeksang Arts Awards.',
        ],
      },
      {
        heading: 'Remakes',
        paragraphs: [
          "Few recent films have travelled as well. Turkey's 2019 version, 7. Koğuştaki Mucize, became a streaming hit far beyond its home market, and there have been further remakes in the Philippines and Indonesia, each adapting the story to its own prison system and family customs.",
        ],
        spoiler: false,
      },
    ],
    faqs: [
      {
        question: 'Is Miracle in Cell No. 7 based on a true story?',
        answer:
          'It is fiction, although the filmmakers have said it was loosely inspired by real cases of wrongful conviction in South Korea. The characters and events on screen are invented.',
      },
      {
        question: 'Who plays the father in Miracle in Cell No. 7?',
        answer:
          'Ryu Seung-ryong plays Lee Yong-gu. Kal So-won plays his daughter as a child and Park Shin-hye plays her as an adult.',
      },
      {
        question: 'Is Miracle in Cell No. 7 suitable for children?',
        answer:
          'Older children can watch it with a parent. There is no graphic violence, but the film deals with prison, a death sentence and grief, and some scenes of mistreatment may upset younger viewers.',
      },
      {
        question: 'How long is Miracle in Cell No. 7?',
        answer: 'The Korean original runs 127 minutes, a little over two hours.',
      },
      {
        question: 'Should I watch the Korean original or the Turkish remake first?',
        answer:
          'Either works, as the story beats are close. The 2013 original is lighter and funnier in its first half; the 2019 Turkish version is more solemn throughout. We suggest starting with the original.',
      },
      {
        question: 'Does Miracle in Cell No. 7 have a happy ending?',
        answer:
          'It is bittersweet rather than happy. Without giving anything away, the ending is built to make you cry, but it closes on a note of love and justice rather than despair.',
      },
    ],
  },
  {
    title: 'Parasite review: a house with two storeys and no way up',
    slug: 'parasite-review',
    excerpt:
      "Bong Joon-ho's con-artist comedy slides, scene by scene, into something far darker. It is a thriller built like a house, and every room is a clue.",
    author: 'Jun Park',
    film: {
      title: 'Parasite',
      originalTitle: '기생충',
      year: 2019,
      country: 'South Korea',
      language: 'Korean',
      runtime: 132,
      directors: ['Bong Joon-ho'],
      cast: [
        { name: 'Song Kang-ho', character: 'Kim Ki-taek' },
        { name: 'Choi Woo-shik', character: 'Kim Ki-woo' },
        { name: 'Park So-dam', character: 'Kim Ki-jung' },
        { name: 'Cho Yeo-jeong', character: 'Park Yeon-kyo' },
        { name: 'Lee Sun-kyun', character: 'Park Dong-ik' },
      ],
      genres: ['Thriller', 'Comedy', 'Drama'],
    },
    rating: 9.5,
    bestRating: 10,
    worstRating: 1,
    verdict:
      'A precise, funny and finally devastating film about class, told with such control that you only notice how tightly you were held when it lets go. Essential.',
    metaDescription: "Our review of Parasite (2019), Bong Joon-ho's Palme d'Or and Best Picture winner.",
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          'The Kims live in a semi-basement flat, folding pizza boxes for cash. When the son lands a tutoring job with the wealthy Park family, the rest of the Kims find their own ways into the household, one forged reference at a time.',
        ],
      },
      {
        heading: 'What happens in the basement',
        paragraphs: [
          'Halfway through, a visit from the former housekeeper on a stormy night reveals that the Kims are not the only ones living off the Parks, and the comedy turns into a fight over the little space beneath the house.',
        ],
        spoiler: true,
      },
      {
        heading: 'Critical acclaim',
        paragraphs: [
          "It won the Palme d'Or at Cannes and went on to win four Academy Awards, including Best Picture, the first film not in English to do so.",
        ],
      },
    ],
    faqs: [
      {
        question: 'Do I need to know Korean culture to enjoy Parasite?',
        answer: 'No. The story of two families and one house translates easily, and the subtitles are excellent.',
      },
    ],
  },
  {
    title: 'Spirited Away review: the bathhouse at the edge of childhood',
    slug: 'spirited-away-review',
    excerpt:
      "Hayao Miyazaki's masterpiece follows a sulky ten-year-old into a world of spirits and asks her to grow up without losing herself.",
    author: 'Mara Ellison',
    film: {
      title: 'Spirited Away',
      originalTitle: '千と千尋の神隠し',
      year: 2001,
      country: 'Japan',
      language: 'Japanese',
      runtime: 125,
      directors: ['Hayao Miyazaki'],
      cast: [
        { name: 'Rumi Hiiragi', character: 'Chihiro (voice)' },
        { name: 'Miyu Irino', character: 'Haku (voice)' },
        { name: 'Mari Natsuki', character: 'Yubaba (voice)' },
      ],
      genres: ['Animation', 'Fantasy', 'Family'],
    },
    rating: 5,
    bestRating: 5,
    worstRating: 1,
    verdict:
      "Inexhaustible. Every viewing finds a new corner of the bathhouse and a new way to read Chihiro's courage.",
    metaDescription: "Our review of Spirited Away (2001), Studio Ghibli's Oscar-winning fantasy.",
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          "On the way to a new home, Chihiro's parents wander into an abandoned theme park, eat food meant for spirits and are turned into pigs. To save them, Chihiro takes a job in a bathhouse run by the witch Yubaba, who takes her name away.",
        ],
      },
      {
        heading: 'Themes',
        paragraphs: [
          'Names, work and greed run through the film: the spirits who forget their names lose themselves, and the ones who take without giving swell up with it. Chihiro survives by working hard and by remembering who she is.',
        ],
      },
      {
        heading: 'Critical acclaim',
        paragraphs: ['It shared the Golden Bear in Berlin and won the Academy Award for Best Animated Feature.'],
      },
    ],
    faqs: [
      {
        question: 'What age is Spirited Away suitable for?',
        answer:
          'Most children from about eight enjoy it; a few scenes with the spirit No-Face can frighten younger ones.',
      },
    ],
  },
  {
    title: 'The Shawshank Redemption review: patience as a form of hope',
    slug: 'the-shawshank-redemption-review',
    excerpt:
      "Frank Darabont's prison drama flopped in cinemas and found its audience at home. Thirty years on, its slow burn still pays off.",
    author: 'Mara Ellison',
    film: {
      title: 'The Shawshank Redemption',
      year: 1994,
      country: 'United States',
      language: 'English',
      runtime: 142,
      directors: ['Frank Darabont'],
      cast: [
        { name: 'Tim Robbins', character: 'Andy Dufresne' },
        { name: 'Morgan Freeman', character: 'Ellis "Red" Redding' },
        { name: 'Bob Gunton', character: 'Warden Norton' },
      ],
      genres: ['Drama', 'Crime'],
    },
    rating: 4.5,
    bestRating: 5,
    worstRating: 1,
    verdict:
      'Old-fashioned in the best way: patient, humane and built on two performances that never reach for effect.',
    metaDescription: 'Our review of The Shawshank Redemption (1994).',
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          'Banker Andy Dufresne is sentenced to life for two murders he says he did not commit. Over two decades in Shawshank prison he befriends Red, the man who can get you things, and quietly makes himself indispensable to the guards.',
        ],
      },
      {
        heading: 'Cinematic elements',
        paragraphs: [
          "Roger Deakins' photography keeps the prison grey and vast, so that the rare moments of beauty, a record played over the loudspeakers or a cold beer on a roof, land with real force.",
        ],
      },
    ],
    faqs: [],
  },
  {
    title: 'Amélie review: a Paris made of small kindnesses',
    slug: 'amelie-review',
    excerpt:
      "Jean-Pierre Jeunet's fairy tale about a shy waitress who secretly fixes other people's lives is as sweet as a crème brûlée, and as carefully made.",
    author: 'Mara Ellison',
    film: {
      title: 'Amélie',
      originalTitle: "Le Fabuleux Destin d'Amélie Poulain",
      year: 2001,
      country: 'France',
      language: 'French',
      runtime: 122,
      directors: ['Jean-Pierre Jeunet'],
      cast: [
        { name: 'Audrey Tautou', character: 'Amélie Poulain' },
        { name: 'Mathieu Kassovitz', character: 'Nino Quincampoix' },
      ],
      genres: ['Comedy', 'Romance'],
    },
    rating: 4,
    bestRating: 5,
    worstRating: 1,
    verdict: 'Relentlessly whimsical, occasionally too pleased with itself, and still impossible not to love.',
    metaDescription: 'Our review of Amélie (2001).',
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          'Amélie, a waitress in Montmartre, finds a box of childhood treasures hidden in her flat and decides to return it to its owner. His joy sets her on a secret mission to improve the lives of everyone around her, while she avoids her own chance at love.',
        ],
      },
      {
        heading: 'Cinematic elements',
        paragraphs: [
          "Saturated greens and reds, a narrator with a taste for lists, and Yann Tiersen's accordion give the film its storybook texture.",
        ],
      },
    ],
    faqs: [],
  },
  {
    title: 'Cinema Paradiso review: a love letter to the projection booth',
    slug: 'cinema-paradiso-review',
    excerpt:
      "Giuseppe Tornatore's memory piece about a Sicilian boy and the projectionist who becomes his second father ends with one of cinema's great final scenes.",
    author: 'Jun Park',
    film: {
      title: 'Cinema Paradiso',
      originalTitle: 'Nuovo Cinema Paradiso',
      year: 1988,
      country: 'Italy',
      language: 'Italian',
      runtime: 124,
      directors: ['Giuseppe Tornatore'],
      cast: [
        { name: 'Philippe Noiret', character: 'Alfredo' },
        { name: 'Salvatore Cascio', character: 'Salvatore (child)' },
        { name: 'Jacques Perrin', character: 'Salvatore (adult)' },
      ],
      genres: ['Drama', 'Romance'],
    },
    rating: 4.5,
    bestRating: 5,
    worstRating: 1,
    verdict:
      'Nostalgic to its bones and honest about what nostalgia costs. The last five minutes are worth the whole journey.',
    metaDescription: 'Our review of Cinema Paradiso (1988).',
    sections: [
      {
        heading: 'Plot summary',
        paragraphs: [
          'A film director in Rome learns that Alfredo, the projectionist of his home village, has died. His memories carry us back to post-war Sicily, where a boy called Totò haunted the projection booth until Alfredo taught him the trade.',
        ],
      },
      {
        heading: 'The final reel',
        paragraphs: [
          "Alfredo's last gift is a reel of every kiss the village priest made him cut from the films, spliced together. Watching it alone, the grown-up Salvatore finally understands what he was given.",
        ],
        spoiler: true,
      },
    ],
    faqs: [],
  },
];

export const siteFaqs = [
  {
    question: 'How does Marquee rate films?',
    answer:
      'Most reviews score a film out of five; a few use a ten-point scale. The scale is always shown next to the score, and our search results and share cards state it too.',
  },
  {
    question: 'Why is my comment not showing yet?',
    answer:
      'Every comment from a first-time reader is read by a moderator before it appears. Once one of your comments has been approved, later ones usually appear straight away.',
  },
  {
    question: 'Will you publish my email address?',
    answer:
      'Never. We ask for it to tell spam from people and to recognise returning readers; it is not shown anywhere on the site.',
  },
];

export const comments: SeedComment[] = [
  {
    review: 'miracle-in-cell-no-7-review',
    name: 'Hana',
    email: 'hana.reader@example.com',
    body: 'I watched this with my dad years ago and we both pretended not to cry. The scene with the yellow backpack still gets me.',
    status: 'approved',
    rating: 5,
    replies: [
      {
        name: 'Tomás',
        email: 'tomas.m@example.com',
        body: 'Same here. The inmates smuggling her in is so silly on paper and it completely works.',
        status: 'approved',
        rating: 4,
      },
    ],
  },
  {
    review: 'miracle-in-cell-no-7-review',
    name: 'Priya',
    email: 'priya.k@example.com',
    website: 'https://priya-watches-films.example.org',
    body: 'Fair review. I found the last act a bit manipulative, but Ryu Seung-ryong makes you forgive it.',
    status: 'approved',
    rating: 4,
  },
  {
    review: 'miracle-in-cell-no-7-review',
    name: 'Dev',
    email: 'dev.first.time@example.com',
    body: 'Is the Turkish remake worth watching if I loved this one?',
    status: 'pending',
    rating: 5,
    heldReason: 'First-time commenter',
  },
  {
    review: 'miracle-in-cell-no-7-review',
    name: 'Cheap Watches',
    email: 'deals@spam.example.net',
    website: 'http://cheap-watches.example.net',
    body: 'Great post!!! Visit http://cheap-watches.example.net and http://more-deals.example.net for the best prices.',
    status: 'spam',
    heldReason: 'Contains 2 links',
  },
  {
    review: 'parasite-review',
    name: 'Lee',
    email: 'lee.s@example.com',
    body: 'The staircase shots! Every time someone goes down a step, it means something.',
    status: 'approved',
  },
  {
    review: 'parasite-review',
    name: 'Anonymous Coward',
    email: 'anon@example.com',
    body: 'Overrated. Give me a real thriller.',
    status: 'pending',
    heldReason: 'First-time commenter',
  },
];
