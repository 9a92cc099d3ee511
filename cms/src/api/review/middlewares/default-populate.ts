import { defaultPopulate, media } from '../../../utils/default-populate';

const named = { fields: ['name', 'slug'] };

export default defaultPopulate(
  {
    cover: media,
    film: {
      fields: ['title', 'slug', 'originalTitle', 'year', 'country', 'language', 'runtime'],
      populate: { directors: true, cast: true, poster: media, genres: named },
    },
    author: { fields: ['name', 'slug', 'bio'], populate: { avatar: media } },
    genres: named,
    sections: true,
    faqs: { fields: ['question', 'answer', 'order'], sort: ['order:asc', 'id:asc'] },
    seo: { populate: { shareImage: media } },
  },
  { sort: ['publishedAt:desc'] },
);
