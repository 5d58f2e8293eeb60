/** The members of a resource's args interface, and those without a TSDoc comment worth the name. */
import * as fs from 'fs';
import * as ts from 'typescript';

export function argsMembers(file: string, interfaceName: string): { members: string[]; undocumented: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const members: string[] = [];
  const undocumented: string[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== interfaceName) return;
    for (const m of node.members) {
      const name = m.name?.getText(source) ?? '?';
      members.push(name);
      if (!ts.getJSDocCommentsAndTags(m).some((d) => ts.isJSDoc(d) && (d.comment ?? '').toString().trim().length > 10)) undocumented.push(name);
    }
  });
  return { members, undocumented };
}
