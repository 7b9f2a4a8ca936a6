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
  connection.onreconnected(async () => { show('connected'); for (const watch of watchers) await watch(connection); });
  connection.onclose(() => { show('disconnected'); setTimeout(start, 1000); });
  async function start() {
    if (connection.state !== HubConnectionState.Disconnected) return;
    show('connecting');
    try {
      await connection.start();
      show('connected');
      for (const watch of watchers) await watch(connection);
    } catch {
      show('disconnected');
      setTimeout(start, 1000);
    }
  }
  connection.restart = async () => { await connection.stop(); await start(); };
  connection.refresh = () => show(indicator.dataset.state || 'connecting');
  start();
  return connection;
}

/** Runs `watch` now (if connected) and after every reconnect, until the returned function is called. */
export async function watching(watch) {
  watchers.add(watch);
  if (connection?.state === HubConnectionState.Connected) await watch(connection);
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
