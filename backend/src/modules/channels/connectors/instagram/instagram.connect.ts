import type { ConnectorOptions } from '../credentials';
import { MetaConnect } from '../facebook/facebook.connect';

/** Instagram professional accounts are reached through the Facebook Pages they are linked to (same Meta app and consent). */
export const createInstagramConnect = (opts: ConnectorOptions = {}) => new MetaConnect('instagram', opts);
