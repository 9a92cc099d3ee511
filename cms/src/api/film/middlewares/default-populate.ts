import { defaultPopulate, media } from '../../../utils/default-populate';

export default defaultPopulate({ directors: true, cast: true, poster: media, genres: { fields: ['name', 'slug'] } });
