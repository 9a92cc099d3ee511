import { defaultPopulate, media } from '../../../utils/default-populate';

export default defaultPopulate({ avatar: media });
