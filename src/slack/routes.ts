import type { App } from '@slack/bolt';

/** The routes a set of listeners registered, so a test can hold them against manifest.yml. */
export interface Routes {
  commands: string[];
  events: string[];
  actions: string[];
  shortcuts: string[];
}

export type Registrar = Pick<App, 'command' | 'event' | 'action' | 'shortcut' | 'message'>;

/** Wraps an App so every registration is recorded and then forwarded unchanged. */
export function recordingApp(app: App): { registrar: Registrar; routes: Routes } {
  const routes: Routes = { commands: [], events: [], actions: [], shortcuts: [] };
  const name = (x: unknown) =>
    typeof x === 'string'
      ? x
      : typeof x === 'object' && x && 'callback_id' in x
        ? String((x as { callback_id: unknown }).callback_id)
        : typeof x === 'object' && x && 'action_id' in x
          ? String((x as { action_id: unknown }).action_id)
          : String(x);
  const registrar: Registrar = {
    command: ((id: unknown, ...rest: unknown[]) => {
      routes.commands.push(name(id));
      return (app.command as (...a: unknown[]) => void)(id, ...rest);
    }) as App['command'],
    event: ((id: unknown, ...rest: unknown[]) => {
      routes.events.push(name(id));
      return (app.event as (...a: unknown[]) => void)(id, ...rest);
    }) as App['event'],
    action: ((id: unknown, ...rest: unknown[]) => {
      routes.actions.push(name(id));
      return (app.action as (...a: unknown[]) => void)(id, ...rest);
    }) as App['action'],
    shortcut: ((id: unknown, ...rest: unknown[]) => {
      routes.shortcuts.push(name(id));
      return (app.shortcut as (...a: unknown[]) => void)(id, ...rest);
    }) as App['shortcut'],
    message: ((...args: unknown[]) => {
      routes.events.push('message');
      return (app.message as (...a: unknown[]) => void)(...args);
    }) as App['message'],
  };
  return { registrar, routes };
}
