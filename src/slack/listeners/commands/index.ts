import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import { policyCommand } from './policy.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.command('/policy', policyCommand(deps));
}
