import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPlainObject } from '../../schemas/pointer';
import { DEFINITION_KINDS, type DefinitionKind } from '../../schemas/problem';
import type { RuleSetting } from '../../schemas/validate';
import { fileText, parseDocument, type ParsedDocument } from '../../schemas/parse';
import { ToolError } from './errors';
import { checkGlob, GlobError } from './glob';
import { readRegularFile, ReadRefused } from './read-file';

/** A config is a few lines; anything larger is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * `.ecsdef.json` / `.ecsdef.yaml` / `.ecsdef.yml`, found by walking up from the working
 * directory (or named with --config):
 *
 *   rules:     { <rule id or name>: off | error | warning | info }
 *   files:     { <kind>: [globs] }      tried before the default patterns of every kind
 *   ignores:   [globs]                  never picked from directories or globs
 *   overrides: [{ files: [globs], rules: {...} }]   later entries win
 *   jsonnet:   { extStr: { <name>: <string> } }    external variables (--ext-str wins)
 *
 * Globs are relative to the config file's directory. A JSON definition cannot carry a comment,
 * so `overrides` is how one JSON file silences a rule.
 */
export type { RuleSetting };

export interface Override {
  files: string[];
  rules: Record<string, RuleSetting>;
}

export interface Config {
  /** The config file, when one was found. */
  path?: string;
  /** Directory globs are relative to. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  files: Partial<Record<DefinitionKind, string[]>>;
  ignores: string[];
  overrides: Override[];
  jsonnet: { extStr: Record<string, string> };
}

export const CONFIG_FILE_NAMES = ['.ecsdef.json', '.ecsdef.yaml', '.ecsdef.yml'];
const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];
const TOP_LEVEL = new Set(['$schema', 'rules', 'files', 'ignores', 'overrides', 'jsonnet']);

/** The nearest config file at or above `startDir`, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads and checks a config. `isKnownRule` decides whether a rule key names a rule of the
 * catalog (injected so this file does not load the catalog for configs without rules).
 */
export function loadConfig(file: string | undefined, cwd: string, isKnownRule: (key: string) => boolean): Config {
  if (!file) return emptyConfig(cwd);
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = fileText(readRegularFile(absolute, MAX_CONFIG_BYTES));
  } catch (error) {
    throw new ToolError(`config ${file}: ${error instanceof ReadRefused ? error.message : String(error)}`);
  }
  const doc = parseDocument(text, /\.ya?ml$/i.test(absolute) ? 'yaml' : 'json');
  // Comments and trailing commas are fine in a config file; only unreadable text is not.
  const fatal = doc.problems.find((p) => p.fatal);
  if (fatal) throw new ToolError(`${where(doc, absolute, fatal.offset)}: ${fatal.message}`);
  return checkConfig(doc.value, absolute, isKnownRule);
}

function emptyConfig(baseDir: string): Config {
  return { baseDir, rules: {}, files: {}, ignores: [], overrides: [], jsonnet: { extStr: {} } };
}

function checkConfig(value: unknown, file: string, isKnownRule: (key: string) => boolean): Config {
  const fail = (at: string, message: string): never => {
    throw new ToolError(`invalid config ${file}${at ? ` at ${at}` : ''}: ${message}`);
  };
  if (!isPlainObject(value)) fail('', 'expected an object');
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.has(key)) fail(key, `unknown key (expected one of ${[...TOP_LEVEL].slice(1).join(', ')})`);
  }
  const config = emptyConfig(path.dirname(file));
  config.path = file;
  config.rules = checkRules(raw.rules, 'rules', fail, isKnownRule);
  if (raw.files !== undefined) {
    if (!isPlainObject(raw.files)) fail('files', 'expected an object of kind -> list of globs');
    for (const [kind, globs] of Object.entries(raw.files as Record<string, unknown>)) {
      if (!(DEFINITION_KINDS as readonly string[]).includes(kind)) fail(`files.${kind}`, `unknown kind (expected one of ${DEFINITION_KINDS.join(', ')})`);
      config.files[kind as DefinitionKind] = checkGlobs(globs, `files.${kind}`, fail);
    }
  }
  if (raw.ignores !== undefined) config.ignores = checkGlobs(raw.ignores, 'ignores', fail);
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides)) fail('overrides', 'expected a list');
    (raw.overrides as unknown[]).forEach((entry, i) => {
      const at = `overrides[${i}]`;
      if (!isPlainObject(entry)) fail(at, 'expected an object with files and rules');
      const o = entry as Record<string, unknown>;
      for (const key of Object.keys(o)) if (key !== 'files' && key !== 'rules') fail(`${at}.${key}`, 'unknown key (expected files, rules)');
      config.overrides.push({ files: checkGlobs(o.files, `${at}.files`, fail), rules: checkRules(o.rules, `${at}.rules`, fail, isKnownRule) });
    });
  }
  if (raw.jsonnet !== undefined) config.jsonnet = checkJsonnet(raw.jsonnet, fail);
  return config;
}

function checkJsonnet(value: unknown, fail: (at: string, message: string) => never): Config['jsonnet'] {
  if (!isPlainObject(value)) return fail('jsonnet', 'expected an object with extStr');
  for (const key of Object.keys(value)) if (key !== 'extStr') fail(`jsonnet.${key}`, 'unknown key (expected extStr)');
  const extStr = (value as Record<string, unknown>).extStr ?? {};
  if (!isPlainObject(extStr) || Object.values(extStr).some((v) => typeof v !== 'string')) fail('jsonnet.extStr', 'expected an object of name -> string');
  return { extStr: extStr as Record<string, string> };
}

/** Checks a `{ rule: setting }` map; exported for --rule. */
export function checkRules(
  value: unknown,
  at: string,
  fail: (at: string, message: string) => never,
  isKnownRule: (key: string) => boolean,
): Record<string, RuleSetting> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return fail(at, 'expected an object of rule id or name -> off | error | warning | info');
  const rules: Record<string, RuleSetting> = {};
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!isKnownRule(key)) fail(`${at}.${key}`, 'unknown rule (use a rule id such as ECS201 or its name)');
    if (typeof setting !== 'string' || !SETTINGS.includes(setting)) fail(`${at}.${key}`, `expected one of ${SETTINGS.join(', ')}`);
    rules[key] = setting as RuleSetting;
  }
  return rules;
}

/** A glob or a list of globs, each usable by the matcher (lsp/cli/glob.ts); a bad one is named by its place. */
function checkGlobs(value: unknown, at: string, fail: (at: string, message: string) => never): string[] {
  const globs = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string' || g === '')) fail(at, 'expected a list of globs');
  (globs as string[]).forEach((glob, i) => {
    try {
      checkGlob(glob);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      fail(typeof value === 'string' ? at : `${at}[${i}]`, error.message);
    }
  });
  return globs as string[];
}

function where(doc: ParsedDocument, file: string, offset: number): string {
  const { line, character } = doc.lines.positionAt(offset);
  return `${file}:${line + 1}:${character + 1}`;
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/**
 * Rule settings for one file: the config's rules, then each matching override in order, then
 * the command line's --rule flags.
 */
export function rulesFor(config: Config, relPath: string, cliRules: Record<string, RuleSetting>, match: (globs: string[], rel: string) => boolean): Record<string, RuleSetting> {
  let rules = config.rules;
  for (const override of config.overrides) {
    if (match(override.files, relPath)) rules = { ...rules, ...override.rules };
  }
  return Object.keys(cliRules).length > 0 ? { ...rules, ...cliRules } : rules;
}
