// The three action entry points bundled as `npm run bundle` makes them (see test/helpers/bundle.ts).
import { bundle } from '../../helpers/bundle.js';

/** The folder holding action-build.js, action-deploy.js and action-rollback.js. */
export function bundleActions(): Promise<string> {
  return bundle(['action-build', 'action-deploy', 'action-rollback']);
}
