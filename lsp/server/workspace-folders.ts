/**
 * The local workspace folders of an `initialize` request: `workspaceFolders` entries, then
 * `rootUri`, as file-system paths. The params come straight off the wire, so every level is
 * checked: an entry that is not an object, a `uri` that is not a string or a `file:` URI with
 * no local path is skipped and reported once through `warn`; the rest are kept. Folders of
 * other schemes are skipped silently (virtual workspaces have no project config on disk).
 */
import { fileUriPath } from './file-uri';

/** How much of an offending value a warning quotes. */
const MAX_QUOTE_LENGTH = 120;

export function workspaceFolderPaths(params: { workspaceFolders?: unknown; rootUri?: unknown }, warn: (message: string) => void): string[] {
  const paths: string[] = [];
  /** `entry` is what the warning quotes when `uri` is not even a string. */
  const add = (what: string, uri: unknown, entry: unknown): void => {
    const result = fileUriPath(uri);
    if (result === undefined) return;
    if ('path' in result) paths.push(result.path);
    else warn(`ecsdef: ignoring ${what} ${quote(typeof uri === 'string' ? uri : entry)}: ${result.problem}`);
  };
  const folders = params.workspaceFolders;
  if (Array.isArray(folders)) {
    for (const folder of folders) {
      if (typeof folder === 'object' && folder !== null) add('workspace folder', (folder as { uri?: unknown }).uri, folder);
      else warn(`ecsdef: ignoring workspace folder ${quote(folder)}: not a WorkspaceFolder object`);
    }
  } else if (folders !== undefined && folders !== null) {
    warn(`ecsdef: ignoring workspaceFolders ${quote(folders)}: not an array`);
  }
  if (params.rootUri !== undefined && params.rootUri !== null) add('rootUri', params.rootUri, params.rootUri);
  return paths;
}

function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH)}...` : text;
}
