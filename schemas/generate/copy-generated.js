// Build step: the precompiled validators and schemas are loaded with require() at run time,
// so they must sit next to the compiled runtime in dist/.
const fs = require('fs');
const path = require('path');

const from = path.join(__dirname, '..', 'generated');
const to = path.join(__dirname, '..', '..', 'dist', 'schemas', 'generated');
fs.mkdirSync(to, { recursive: true });
for (const name of fs.readdirSync(from)) {
  if (name.endsWith('.js') || name.endsWith('.json')) fs.copyFileSync(path.join(from, name), path.join(to, name));
}
