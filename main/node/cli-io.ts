// The process around the CLI, passed in so the commands can run in tests without touching globals.
export interface CliIo {
  env: Record<string, string | undefined>;
  version: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  onSignal: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => void;
  /** runs synchronously when the process exits, however it exits */
  onExit: (handler: () => void) => void;
  /** asks one question on the terminal; null when stdin is not a terminal (nobody to ask) */
  ask?: (question: string) => Promise<string | null>;
}
