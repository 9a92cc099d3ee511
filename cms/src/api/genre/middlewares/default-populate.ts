import { defaultPopulate } from '../../../utils/default-populate';

export default defaultPopulate({}, { sort: ['name:asc'] });
