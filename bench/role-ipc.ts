// The bench's own child processes (fake upstream, bare proxy) talk to the parent over the fork IPC
// channel: they announce their port, and they exit when the channel closes, so a parent that dies
// (even by SIGKILL) leaves no server behind.
export interface ReadyMessage {
  kind: 'ready';
  port: number;
}

export function reportReady(port: number): void {
  const message: ReadyMessage = { kind: 'ready', port };
  process.send?.(message);
}

export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C reaches the whole process group; the parent decides when the children stop
  process.on('SIGINT', () => undefined);
}

export function isReadyMessage(value: unknown): value is ReadyMessage {
  return typeof value === 'object' && value !== null && (value as ReadyMessage).kind === 'ready'
    && typeof (value as ReadyMessage).port === 'number';
}
