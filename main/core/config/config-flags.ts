// What the CLI (or the Electron shell) passes to the loader. Kept apart so the pure builders can name it
// without importing the loader.

export interface ConfigFlags {
  config?: string;
  port?: number;
  host?: string;
  dataDir?: string;
  mode?: 'sdk' | 'binary';
}

export interface LoadConfigOptions {
  flags: ConfigFlags;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homeDir: string;
  /** base for relative --config / --data-dir / SWITCHBOARD_* paths; defaults to process.cwd() */
  cwd?: string;
}
