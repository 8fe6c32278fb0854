#!/usr/bin/env bash
# Installs code-server (a real VS Code whose extension host is plain Node) into a cache
# folder outside the repository, plus the Debian packages the tests need.
#
#   bash scripts/install-code-server.sh [CACHE_DIR]
#
# CACHE_DIR defaults to ${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/code-server-$CS_VERSION.
# Idempotent: when CACHE_DIR already holds a working install it only prints its path.
# Each step prints one line on stderr; what apt, npm and node-gyp print goes to
# CACHE_DIR/install.log (VERBOSE=1 shows it too), and a failing step prints that path and the
# log's last lines. Prints CACHE_DIR on stdout when done.
# Every step below fixes a failure seen on an offline Debian 12 machine (only the npm
# registry and apt reachable); see ../shared/VSCODE-OFFLINE.md §1 for the evidence.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
CACHE_DIR="${1:-${RLL_CACHE:-$HOME/.cache/rust-layout-lens}/code-server-$CS_VERSION}"
CACHE_DIR="$(mkdir -p "$CACHE_DIR" && cd "$CACHE_DIR" && pwd)"
ENTRY="$CACHE_DIR/node_modules/code-server/out/node/entry.js"
MARKER="$CACHE_DIR/.installed-$CS_VERSION"
LOG="$CACHE_DIR/install.log"

say() { printf '[install-code-server] %s\n' "$*" >&2; }

# step DESCRIPTION COMMAND...: runs COMMAND with its output in $LOG, on one console line.
# The command runs in a background subshell so that `set -e` holds inside it.
step() {
  local what=$1 t0 rc=0
  shift
  t0=$(date +%s)
  printf '\n== %s (%s)\n' "$what" "$(date -u +%FT%TZ)" >>"$LOG"
  if [ "${VERBOSE:-0}" != 0 ]; then
    say "$what …"
    ( set -e; "$@" ) > >(tee -a "$LOG" >&2) 2>&1 &
  else
    printf '[install-code-server] %s … ' "$what" >&2
    ( set -e; "$@" ) >>"$LOG" 2>&1 &
  fi
  wait $! || rc=$?
  if [ "$rc" != 0 ]; then
    [ "${VERBOSE:-0}" != 0 ] || printf 'failed\n' >&2
    say "$what failed (exit $rc); its log: $LOG"
    tail -n 15 "$LOG" | sed 's/^/  | /' >&2
    exit "$rc"
  fi
  if [ "${VERBOSE:-0}" != 0 ]; then say "$what: done ($(( $(date +%s) - t0 )) s)"; else printf 'done (%s s)\n' "$(( $(date +%s) - t0 ))" >&2; fi
}

# --- Debian packages: chromium (browser side), ripgrep (seeds @vscode/ripgrep), libkrb5-dev (kerberos build)
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/rg ] || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)

if [ ${#need_apt[@]} -eq 0 ] && [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  say "code-server $CS_VERSION already installed in $CACHE_DIR"
  echo "$CACHE_DIR"
  exit 0
fi

printf 'install-code-server.sh: code-server %s into %s, %s\n' "$CS_VERSION" "$CACHE_DIR" "$(date -u +%FT%TZ)" >"$LOG"
say "log: $LOG"

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    say "missing Debian packages: ${need_apt[*]} (run as root or install them yourself)"
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # The lists may be stale or empty on a fresh machine: update first, then install.
  apt_install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
  }
  step "installing Debian packages ${need_apt[*]}" apt_install
fi

if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  say "code-server $CS_VERSION already installed in $CACHE_DIR"
  echo "$CACHE_DIR"
  exit 0
fi

start=$(date +%s)
cd "$CACHE_DIR"
# allowScripts (npm 11.16+): the two top-level packages whose install scripts run below.
[ -f package.json ] || printf '{ "name": "rll-code-server", "private": true, "allowScripts": { "argon2": true, "code-server": true } }\n' > package.json

# node-pty's postinstall runs `npx node-gyp`, which fails under the machine's `yes = false`.
# Only options npm 11 knows are set here: an unknown one draws "npm warn Unknown env config".
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false

# 1. Fetch without scripts, so the pinned @vscode/ripgrep version can be read first.
step "fetching code-server@$CS_VERSION (no install scripts yet)" \
  npm install --no-save --ignore-scripts --no-package-lock "code-server@$CS_VERSION"

# 2. Seed @vscode/ripgrep's download cache with Debian's rg: its postinstall would otherwise
#    download from api.github.com and fail after five retries.
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
seed_ripgrep() {
  local shrink="node_modules/code-server/lib/vscode/npm-shrinkwrap.json" rg_pkg rg_asset rg_cache rg_tarball
  rg_pkg=$(node -e '
    const s = require(process.argv[1]);
    const p = (s.packages && s.packages["node_modules/@vscode/ripgrep"]) || (s.dependencies && s.dependencies["@vscode/ripgrep"]);
    if (!p) { process.exit(1); }
    console.log(p.version);' "$PWD/$shrink")
  echo "@vscode/ripgrep pinned at $rg_pkg"
  ( cd "$tmpd" && npm pack --silent "@vscode/ripgrep@$rg_pkg" >/dev/null && tar -xzf vscode-ripgrep-*.tgz )
  rg_asset=$(node -e '
    const src = require("fs").readFileSync(process.argv[1], "utf8");
    const m = src.match(/const VERSION\s*=\s*["\x27]([^"\x27]+)["\x27]/);
    if (!m) process.exit(1);
    console.log(m[1]);' "$tmpd/package/lib/postinstall.js")
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$rg_pkg"
  rg_tarball="$rg_cache/ripgrep-$rg_asset-x86_64-unknown-linux-musl.tar.gz"
  if [ -s "$rg_tarball" ]; then
    echo "$rg_tarball already seeded"
  else
    echo "seeding $rg_tarball with /usr/bin/rg"
    mkdir -p "$rg_cache" "$tmpd/rg"
    cp /usr/bin/rg "$tmpd/rg/rg"
    tar -czf "$rg_tarball" -C "$tmpd/rg" rg
  fi
}
step "seeding @vscode/ripgrep's download cache with Debian's rg" seed_ripgrep

# 3. code-server's postinstall.sh predates npm 7: as root it exits unless npm_config_unsafe_perm
#    is "true", and it runs `npm install --unsafe-perm` in lib/vscode and lib/vscode/extensions.
#    npm 7 and later run install scripts as the folder's owner and no longer know the option:
#    npm 11 warns "Unknown env config" / "Unknown cli config" in every npm below. The cached copy
#    of the script drops both; had it changed shape (another CS_VERSION), the variable is set.
patch_postinstall() {
  local script=node_modules/code-server/postinstall.sh
  sed -i \
    -e 's/if \[ "\${npm_config_unsafe_perm-}" != "true" \]; then/if false; then # npm >= 7 has no unsafe-perm (install-code-server.sh)/' \
    -e 's/npm install --unsafe-perm --omit=dev/npm install --omit=dev/' \
    "$script" || return 4
  if grep -n 'unsafe_perm-\|npm install --unsafe-perm' "$script"; then
    echo "postinstall.sh still asks for unsafe-perm: setting npm_config_unsafe_perm=true (npm will warn)"
    return 3
  fi
  echo "postinstall.sh: no unsafe-perm left"
}
unsafe_perm=0
if ! ( patch_postinstall ) >>"$LOG" 2>&1; then unsafe_perm=1; fi

# 4. Run every install script now: argon2, kerberos (needs libkrb5-dev), and code-server's
#    postinstall, which runs a nested npm install in lib/vscode and lib/vscode/extensions.
rebuild() {
  if [ "$unsafe_perm" = 1 ]; then export npm_config_unsafe_perm=true; fi
  npm rebuild --foreground-scripts
}
step "running install scripts (node-gyp builds; about a minute on 2 cores)" rebuild

check_install() {
  [ -f "$ENTRY" ] || { echo "code-server entry not found after install: $ENTRY"; exit 1; }
  [ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] || {
    echo "ripgrep binary missing in code-server's vscode tree"; exit 1; }
}
step "checking the install" check_install
if grep -n 'npm warn Unknown' "$LOG" >&2; then say "npm warned about unknown options (above, in $LOG)"; fi
touch "$MARKER"
say "code-server $CS_VERSION installed in $CACHE_DIR in $(( $(date +%s) - start )) s"
echo "$CACHE_DIR"
