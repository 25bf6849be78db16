import type { SlackDeps } from '../deps.js';
import type { Registrar } from '../routes.js';
import { register as actions } from './actions/index.js';
import { register as commands } from './commands/index.js';
import { register as events } from './events/index.js';
import { register as shortcuts } from './shortcuts/index.js';

/** Registers every listener; each surface's folder exports its own `register`. */
export function registerListeners(app: Registrar, deps: SlackDeps): void {
  commands(app, deps);
  events(app, deps);
  actions(app, deps);
  shortcuts(app, deps);
}
