#!/usr/bin/env bash
# Editor end-to-end checks, standalone: installs what they drive (Debian neovim + chromium via
# .ci/install-debian.sh, code-server + its Node 24 via .ci/install-code-server.sh), packages the
# .vsix into .artifacts/, then runs the Neovim and VS Code suites. Prints how long each step
# took. Under CI=true a missing component fails the suites instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  local name=$1; shift
  local start; start=$(date +%s)
  "$@"
  echo "e2e: $name took $(( $(date +%s) - start ))s" >&2
}

if [ -f .ci/install-debian.sh ]; then step "install-debian" bash .ci/install-debian.sh; fi
step "install-code-server" bash .ci/install-code-server.sh >/dev/null
step "package:vsix" npm run --silent package:vsix
step "e2e suites" npx mocha --no-config -r ts-node/register/transpile-only --extension ts --timeout 300000 \
  test/e2e/neovim.test.ts test/e2e/vscode.test.ts
ls -l .artifacts/ >&2
