#!/usr/bin/env bash
# Installs code-server (a real VS Code whose extension host is plain Node) into a cache
# folder outside the repository, plus the Debian packages the tests need.
#
#   bash scripts/install-code-server.sh [CACHE_DIR]
#
# CACHE_DIR defaults to ${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/code-server-$CS_VERSION.
# Idempotent: when CACHE_DIR already holds a working install it only prints its path.
# Every step below fixes a failure seen on an offline Debian 12 machine (only the npm
# registry and apt reachable); see ../shared/VSCODE-OFFLINE.md §1 for the evidence.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
CACHE_DIR="${1:-${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/code-server-$CS_VERSION}"
ENTRY="$CACHE_DIR/node_modules/code-server/out/node/entry.js"
MARKER="$CACHE_DIR/.installed-$CS_VERSION"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

# --- Debian packages: chromium (browser side), ripgrep (seeds @vscode/ripgrep), libkrb5-dev (kerberos build)
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/rg ] || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    log "missing Debian packages: ${need_apt[*]} (run as root or install them yourself)"
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "installing Debian packages: ${need_apt[*]}"
  # The lists may be stale or empty on a fresh machine: update first, then install.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
fi

if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  log "code-server $CS_VERSION already installed in $CACHE_DIR"
  echo "$CACHE_DIR"
  exit 0
fi

start=$(date +%s)
mkdir -p "$CACHE_DIR"
cd "$CACHE_DIR"
[ -f package.json ] || printf '{ "name": "rll-code-server", "private": true }\n' > package.json

# As root, code-server's postinstall.sh refuses to run without unsafe-perm; node-pty's
# postinstall runs `npx node-gyp`, which fails under the machine's `yes = false`.
export npm_config_unsafe_perm=true
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false

# 1. Fetch without scripts, so the pinned @vscode/ripgrep version can be read first.
log "fetching code-server@$CS_VERSION (no scripts yet)"
npm install --no-save --ignore-scripts --no-package-lock "code-server@$CS_VERSION" >&2

# 2. Seed @vscode/ripgrep's download cache with Debian's rg: its postinstall would otherwise
#    download from api.github.com and fail after five retries.
SHRINK="node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
RG_PKG_VERSION=$(node -e '
  const s = require(process.argv[1]);
  const p = (s.packages && s.packages["node_modules/@vscode/ripgrep"]) || (s.dependencies && s.dependencies["@vscode/ripgrep"]);
  if (!p) { process.exit(1); }
  console.log(p.version);' "$PWD/$SHRINK")
log "@vscode/ripgrep pinned at $RG_PKG_VERSION"
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
( cd "$tmpd" && npm pack --silent "@vscode/ripgrep@$RG_PKG_VERSION" >/dev/null && tar -xzf vscode-ripgrep-*.tgz )
RG_ASSET_VERSION=$(node -e '
  const src = require("fs").readFileSync(process.argv[1], "utf8");
  const m = src.match(/const VERSION\s*=\s*["\x27]([^"\x27]+)["\x27]/);
  if (!m) process.exit(1);
  console.log(m[1]);' "$tmpd/package/lib/postinstall.js")
RG_TMP="${TMPDIR:-/tmp}"
RG_CACHE="$RG_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
RG_TARBALL="$RG_CACHE/ripgrep-$RG_ASSET_VERSION-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TARBALL" ]; then
  log "seeding $RG_TARBALL with /usr/bin/rg"
  mkdir -p "$RG_CACHE" "$tmpd/rg"
  cp /usr/bin/rg "$tmpd/rg/rg"
  tar -czf "$RG_TARBALL" -C "$tmpd/rg" rg
fi

# 3. Run every install script now: argon2, kerberos (needs libkrb5-dev), and code-server's
#    postinstall, which runs a nested npm install in lib/vscode and lib/vscode/extensions.
log "running install scripts (node-gyp builds; about a minute on 2 cores)"
npm rebuild --foreground-scripts >&2

[ -f "$ENTRY" ] || { log "code-server entry not found after install: $ENTRY"; exit 1; }
[ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] || {
  log "ripgrep binary missing in code-server's vscode tree"; exit 1; }
touch "$MARKER"
log "code-server $CS_VERSION installed in $CACHE_DIR in $(( $(date +%s) - start )) s"
echo "$CACHE_DIR"
