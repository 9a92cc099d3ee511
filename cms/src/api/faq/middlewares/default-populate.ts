import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({ review: { fields: ['title', 'slug'] } }, { sort: ['order:asc', 'id:asc'] });
