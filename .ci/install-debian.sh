#!/usr/bin/env bash
# Debian packages the tests drive for real (see DESIGN.md "Real components").
# Idempotent: installs only what is missing. Others may append package names to PACKAGES.
set -euo pipefail

PACKAGES=(
  pre-commit # test/e2e/pre-commit.test.ts: a real pre-commit run of the ecsdef hook
  neovim     # a real LSP client, headless
  chromium   # headless browser for the VS Code end-to-end test
  libkrb5-dev # code-server's native `kerberos` module (.ci/install-code-server.sh)
  cmake ninja-build g++ # build the optional @hanazuki/node-jsonnet addon at `npm ci` (Jsonnet tests)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-debian: all packages present (${PACKAGES[*]})"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
