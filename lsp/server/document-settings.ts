/**
 * Turns client settings and the project config into the plain `DocumentOptions` the service
 * takes, deciding the document's kind the way the CLI does, minus its last resort:
 *   settings globs and the config's `files` (the kind outright), an ecsdef `$schema`, then the
 *   built-in name patterns and the content, through the same recognise() as the CLI, re-decided
 *   on every version; files under the config's `ignores` and documents that are something else
 *   (Kubernetes, package.json, ...) get no results.
 * Rule severities: the config's rules and matching overrides, then client settings (the CLI's
 * `--rule` position).
 *
 * Client settings are pulled with `workspace/configuration` (scoped to the document) when the
 * client supports it, else taken from `initializationOptions` and `didChangeConfiguration`
 * payloads (push-style clients). Pulled settings are cached per document until the client says
 * they changed, so a keystroke costs no round trip.
 */
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rulesFor, type Config } from '../cli/config';
import { checkGlob, GlobError } from '../cli/glob';
import { compile, FilePatterns } from '../cli/patterns';
import type { DefinitionKind } from '../../schemas/problem';
import type { DocumentOptions, LanguageService, RecognitionHints, RuleSetting } from '../service/types';
import { ConfigFiles } from './config-file';
import { fsPathOf } from './file-uri';
import { mergeSettings, readSettings, type EcsdefSettings, type PartialSettings } from './settings';

export interface ResolvedDocument {
  settings: EcsdefSettings;
  options: DocumentOptions;
}

interface Memo {
  client: PartialSettings;
  pushed: PartialSettings;
  config: Config | undefined;
  settings: EcsdefSettings;
  byName: RecognitionHints;
  /** The config's `ignores` cover the file: never a definition. */
  ignored: boolean;
  rules: Readonly<Record<string, RuleSetting>>;
}

export class DocumentSettings {
  private readonly pulled = new Map<string, Promise<PartialSettings>>();
  private initial: PartialSettings = {};
  private pushed: PartialSettings = {};
  private readonly configFiles = new ConfigFiles();
  private readonly reportedErrors = new Set<string>();
  private readonly patternCache = new WeakMap<Config, { key: string; patterns: FilePatterns }>();
  private readonly globMatchers = new WeakMap<string[], (rel: string) => boolean>();
  private readonly paths = new Map<string, string | undefined>();
  private readonly memo = new Map<string, Memo>();
  private canPull = false;
  private workspaceFolders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
  ) {}

  /** Called from `initialize`. */
  configure(init: { canPull: boolean; initializationOptions: unknown; workspaceFolders: string[] }): void {
    this.canPull = init.canPull;
    this.initial = readSettings(settingsSection(init.initializationOptions));
    this.workspaceFolders = init.workspaceFolders;
  }

  /**
   * `workspace/didChangeConfiguration`: forget pulled settings (they are pulled again). A push
   * client's payload replaces the previous one; a pull client's payload is only a signal.
   */
  changed(payload: unknown): void {
    this.pulled.clear();
    if (!this.canPull) this.pushed = readSettings(settingsSection(payload));
  }

  /** `workspace/didChangeWatchedFiles` for config files. */
  configFilesChanged(): void {
    this.configFiles.clear();
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
    this.paths.delete(uri);
    this.memo.delete(uri);
  }

  async resolve(document: TextDocument): Promise<ResolvedDocument> {
    const uri = document.uri;
    const client = await this.clientSettings(uri);
    let fsPath = this.paths.get(uri);
    if (fsPath === undefined && !this.paths.has(uri)) this.paths.set(uri, (fsPath = fsPathOf(uri)));
    const config = fsPath ? this.loadConfig(fsPath) : undefined;
    // Everything but `$schema` depends only on these three inputs: keep it until one changes,
    // so a keystroke costs no glob matching (and hands the service the same `rules` object).
    let memo = this.memo.get(uri);
    if (!memo || memo.client !== client || memo.pushed !== this.pushed || memo.config !== config) {
      const settings = mergeSettings(this.initial, this.pushed, client);
      const patterns = config ? this.patterns(config, settings) : undefined;
      const ignored = Boolean(fsPath && patterns?.isIgnored(fsPath));
      const byName: RecognitionHints = fsPath && patterns && !ignored ? { ...patterns.nameOf(fsPath), fileName: fsPath } : { fileName: document.uri };
      const rules =
        config && patterns && fsPath
          ? rulesFor(config, patterns.relative(fsPath), settings.rules, (globs, rel) => this.matchGlobs(globs, rel))
          : settings.rules;
      memo = { client, pushed: this.pushed, config, settings, byName, ignored, rules };
      this.memo.set(uri, memo);
    }
    if (!memo.settings.enable) return { settings: memo.settings, options: { kind: undefined } };
    if (memo.ignored) return { settings: memo.settings, options: { kind: undefined } };
    const kind = this.service.recognise(document, memo.byName).kind;
    return { settings: memo.settings, options: { kind, rules: memo.rules } };
  }

  private loadConfig(fsPath: string): Config {
    const folder = this.workspaceFolders.find((f) => fsPath.startsWith(f + path.sep));
    const { config, error } = this.configFiles.forFile(fsPath, folder);
    if (error) this.reportOnce(error);
    return config;
  }

  /**
   * FilePatterns of a config plus the client's globs, rebuilt only when either changes. The
   * config's globs were checked when it was loaded; a client glob the matcher cannot take is
   * reported once and left out (the rest still apply).
   */
  private patterns(config: Config, settings: EcsdefSettings): FilePatterns {
    const files: Config['files'] = { ...config.files };
    for (const [kind, globs] of Object.entries(settings.files) as [keyof Config['files'], string[]][]) {
      files[kind] = [...globs.filter((glob, i) => this.usableGlob(glob, `ecsdef.files.${kind}[${i}]`)), ...(files[kind] ?? [])];
    }
    const key = JSON.stringify(files);
    const cached = this.patternCache.get(config);
    if (cached && cached.key === key) return cached.patterns;
    const patterns = new FilePatterns(config.baseDir, files, config.ignores);
    this.patternCache.set(config, { key, patterns });
    return patterns;
  }

  private usableGlob(glob: string, at: string): boolean {
    try {
      checkGlob(glob);
      return true;
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      this.reportOnce(`setting ${at}: ${error.message}`);
      return false;
    }
  }

  private reportOnce(error: string): void {
    if (this.reportedErrors.has(error)) return;
    this.reportedErrors.add(error);
    this.connection.console.error(`ecsdef: ${error} (ignored until fixed)`);
  }

  private matchGlobs(globs: string[], rel: string): boolean {
    let match = this.globMatchers.get(globs);
    if (!match) this.globMatchers.set(globs, (match = compile(globs)));
    return match(rel);
  }

  private clientSettings(uri: string): Promise<PartialSettings> {
    if (!this.canPull) return Promise.resolve({});
    let pending = this.pulled.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'ecsdef' })
        .then(readSettings, () => ({}));
      this.pulled.set(uri, pending);
    }
    return pending;
  }
}

/** Accepts `{ settings: { ecsdef } }`, `{ ecsdef: {...} }` or the section itself. */
function settingsSection(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as Record<string, unknown>;
  if ('settings' in record) return settingsSection(record.settings);
  return 'ecsdef' in record ? record.ecsdef : payload;
}
