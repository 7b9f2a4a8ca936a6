import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { t } from './i18n.js';

let connection = null;
const watchers = new Set();

/**
 * The page's one SignalR connection (cookie-authenticated). It reconnects by itself and, after every reconnect, asks
 * each watcher to watch again: the hub answers with the current state, which is how a page catches up on what it missed.
 */
export function live(indicator) {
  if (connection) return connection;
  connection = new HubConnectionBuilder()
    .withUrl('/hubs/live')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(250 * 2 ** ctx.previousRetryCount, 4000) })
    .configureLogging(LogLevel.Warning)
    .build();
  const show = (state) => {
    indicator.dataset.state = state;
    indicator.textContent = `${t('connection')}: ${t(state)}`;
  };
  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(async () => { show('connected'); await watchAll(); });
  connection.onclose(() => { show('disconnected'); setTimeout(start, 1000); });
  async function start() {
    if (connection.state !== HubConnectionState.Disconnected) return;
    show('connecting');
    try {
      await connection.start();
    } catch {
      show('disconnected');
      setTimeout(start, 1000);
      return;
    }
    show('connected');
    await watchAll();
  }
  // Each watcher once, as the set stood when the connection came up: one added meanwhile runs by itself (see
  // `watching`), one removed meanwhile (its page is gone) is skipped, and one that fails because the connection
  // dropped again neither stops the others nor counts as a failed start; it runs again after the next reconnect.
  async function watchAll() {
    for (const watch of [...watchers]) {
      if (!watchers.has(watch)) continue;
      try { await watch(connection); } catch { /* runs again after the next reconnect */ }
    }
  }
  connection.restart = async () => { await connection.stop(); await start(); };
  connection.refresh = () => show(indicator.dataset.state || 'connecting');
  start();
  return connection;
}

/**
 * Runs `watch` now (if connected) and after every reconnect, until the returned function is called. If the connection
 * drops while it runs, the page still renders and the watch runs again once the connection is back.
 */
export async function watching(watch) {
  watchers.add(watch);
  if (connection?.state === HubConnectionState.Connected) {
    try {
      await watch(connection);
    } catch (e) {
      if (connection.state === HubConnectionState.Connected) {
        watchers.delete(watch);
        throw e;
      }
    }
  }
  return () => watchers.delete(watch);
}

/** Subscribes to a server message for as long as the current view lives. */
export function on(event, handler) {
  connection.on(event, handler);
  return () => connection.off(event, handler);
}

export function hubError(e) {
  return String(e?.message ?? e).replace(/^.*HubException: (?:\w+: )?/, '');
}
