import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { t } from './i18n.js';

/**
 * One SignalR connection to /hubs/live that reconnects by itself, shows its state in `indicator`, and calls
 * `onConnected` after every (re)connect so the page can watch again and catch up on what it missed.
 */
export function connectLive(indicator, onConnected) {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/live')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 5000) })
    .configureLogging(LogLevel.Warning)
    .build();

  const show = (state) => {
    indicator.dataset.state = state;
    indicator.textContent = `${t('connection')}: ${t(state)}`;
  };
  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(async () => { show('connected'); await onConnected(connection); });
  connection.onclose(() => { show('disconnected'); setTimeout(start, 2000); });

  async function start() {
    if (connection.state !== HubConnectionState.Disconnected) return;
    show('connecting');
    try {
      await connection.start();
      show('connected');
      await onConnected(connection);
    } catch {
      show('disconnected');
      setTimeout(start, 2000);
    }
  }
  start();
  return { connection, refresh: () => show(indicator.dataset.state || 'connecting') };
}
