import type { Reporter } from './types';

/**
 * Reporters by name. Each module is required only when chosen: the SARIF reporter loads the
 * whole rule catalog, which a text run never needs.
 */
const LOADERS: Readonly<Record<string, () => Reporter>> = {
  text: () => (require('./text') as typeof import('./text')).text,
  json: () => (require('./json') as typeof import('./json')).json,
  sarif: () => (require('./sarif') as typeof import('./sarif')).sarif,
  github: () => (require('./github') as typeof import('./github')).github,
};

export const REPORTER_NAMES: readonly string[] = Object.keys(LOADERS);

export function loadReporter(name: string): Reporter | undefined {
  return Object.prototype.hasOwnProperty.call(LOADERS, name) ? LOADERS[name]() : undefined;
}

export type { ReportContext, Reporter } from './types';
