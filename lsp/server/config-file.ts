/**
 * The project config (`.ecsdef.json` / `.ecsdef.yaml` / `.ecsdef.yml`) exactly as the `ecsdef`
 * CLI reads it (lsp/cli/config.ts: same search, same checks, same meaning of rules, files,
 * ignores and overrides), so the editor reports what pre-commit reports. Adds what a long-lived
 * server needs: errors returned instead of thrown, and a cache. Lookups are remembered per
 * directory for a second and files re-read when their mtime changes, so a keystroke costs no
 * file-system call while an edited, added or removed config still applies within a second
 * (at once for clients that report watched files, which clears the cache).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, findConfigFile, loadConfig, type Config } from '../cli/config';
import { findRule } from '../../schemas/rules/registry';

export { CONFIG_FILE_NAMES };

export interface LoadedConfig {
  config: Config;
  /** Why the config file could not be used (it is then ignored). */
  error?: string;
}

interface CacheEntry {
  mtimeMs: number;
  loaded: LoadedConfig;
}

/** How long a directory's lookup result is trusted without touching the file system. */
export const LOOKUP_TTL_MS = 1000;

/** The catalog (`allRules`) includes the syntax rules, so one lookup covers every rule key. */
function isKnownRule(key: string): boolean {
  return findRule(key) !== undefined;
}

export class ConfigFiles {
  private readonly cache = new Map<string, CacheEntry>();
  /** One empty config per base directory: callers cache derived matchers by config identity. */
  private readonly empty = new Map<string, LoadedConfig>();
  private readonly lookups = new Map<string, { at: number; loaded: LoadedConfig }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Config governing the file at `fsPath`. Without a config file, globs are relative to
   * `fallbackBase` (the workspace folder), else to the file's directory.
   */
  forFile(fsPath: string, fallbackBase: string | undefined): LoadedConfig {
    const key = `${path.dirname(fsPath)}\0${fallbackBase ?? ''}`;
    const remembered = this.lookups.get(key);
    if (remembered && this.now() - remembered.at < LOOKUP_TTL_MS) return remembered.loaded;
    const loaded = this.lookUp(fsPath, fallbackBase);
    this.lookups.set(key, { at: this.now(), loaded });
    return loaded;
  }

  private lookUp(fsPath: string, fallbackBase: string | undefined): LoadedConfig {
    const base = fallbackBase ?? path.dirname(fsPath);
    const file = findConfigFile(path.dirname(fsPath));
    if (!file) return this.emptyConfig(base);
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return this.emptyConfig(base);
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.loaded;
    let loaded: LoadedConfig;
    try {
      loaded = { config: loadConfig(file, base, isKnownRule) };
    } catch (error) {
      loaded = { config: loadConfig(undefined, base, isKnownRule), error: (error as Error).message };
    }
    this.cache.set(file, { mtimeMs, loaded });
    return loaded;
  }

  private emptyConfig(base: string): LoadedConfig {
    let loaded = this.empty.get(base);
    if (!loaded) this.empty.set(base, (loaded = { config: loadConfig(undefined, base, isKnownRule) }));
    return loaded;
  }

  /** Forget cached contents (after workspace/didChangeWatchedFiles). */
  clear(): void {
    this.cache.clear();
    this.lookups.clear();
  }
}
