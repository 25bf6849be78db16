import type { App } from '@slack/bolt';

/** The routes a set of listeners registered, so a test can hold them against manifest.yml. */
export interface Routes {
  commands: string[];
  events: string[];
  actions: string[];
  shortcuts: string[];
  /** Modal callback ids (view submissions). */
  views: string[];
}

export type Registrar = Pick<App, 'command' | 'event' | 'action' | 'shortcut' | 'message' | 'view'>;

/** `'/policy'`, `'app_mention'`, or the `callback_id` / `action_id` of a constraint object. */
function routeName(id: unknown): string {
  if (typeof id === 'string') return id;
  const o = (id ?? {}) as { callback_id?: unknown; action_id?: unknown };
  return String(o.callback_id ?? o.action_id ?? id);
}

/** Wraps an App so every registration is recorded and then forwarded unchanged. */
export function recordingApp(app: App): { registrar: Registrar; routes: Routes } {
  const routes: Routes = { commands: [], events: [], actions: [], shortcuts: [], views: [] };
  type Method = (...args: unknown[]) => unknown;
  const record =
    (kind: keyof Routes, method: Method, fixedName?: string) =>
    (...args: unknown[]) => {
      routes[kind].push(fixedName ?? routeName(args[0]));
      return method.apply(app, args);
    };
  const registrar = {
    command: record('commands', app.command as Method),
    event: record('events', app.event as Method),
    action: record('actions', app.action as Method),
    shortcut: record('shortcuts', app.shortcut as Method),
    view: record('views', app.view as Method),
    // app.message listens to `message` events (message.im, message.channels, message.groups).
    message: record('events', app.message as Method, 'message'),
  } as unknown as Registrar;
  return { registrar, routes };
}
