#!/usr/bin/env bash
# Installs the Debian-packaged Rust crates (librust-*-dev, with their dependencies, into
# /usr/share/cargo/registry) that the differential tests build with cargo, offline, against
# the engine (test/unit/depCrates.test.ts, test/unit/cargo.graph.test.ts). Idempotent.
#
#   bash scripts/install-crates.sh
#
# One line on stderr; apt's output goes to ${RLL_CACHE:-~/.cache/rust-layout-lens}/install-crates.log
# (VERBOSE=1 shows it too), whose path and last lines a failure prints.
set -euo pipefail

PACKAGES=(
  librust-regex-dev librust-ignore-dev librust-globset-dev librust-h2-dev librust-rustls-dev
  librust-clap-dev librust-serde-json-dev librust-toml-edit-dev librust-url-dev librust-env-logger-dev
  librust-object-dev librust-gimli-dev librust-getrandom-dev
  librust-hyper-dev librust-tracing-subscriber-dev librust-rayon-core-dev librust-crossbeam-channel-dev
  librust-walkdir-dev librust-tokio-util-dev librust-chrono-dev librust-http-dev librust-csv-dev
  librust-flate2-dev librust-sha2-dev
  librust-syn-mid-dev librust-darling-core-dev librust-wasm-bindgen-backend-dev librust-proc-macro2-dev
  librust-openssl-dev librust-native-tls-dev libssl-dev pkg-config
)
log() { printf '[install-crates] %s\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  log "all ${#PACKAGES[@]} crate packages are installed"
  exit 0
fi
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  log "missing Debian packages: ${missing[*]} (run as root or install them yourself)"
  exit 1
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
LOG_DIR="${RLL_CACHE:-$HOME/.cache/rust-layout-lens}"
mkdir -p "$LOG_DIR"
LOG="$LOG_DIR/install-crates.log"
printf 'install-crates.sh, %s: %s\n' "$(date -u +%FT%TZ)" "${missing[*]}" >"$LOG"
apt_install() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
t0=$(date +%s)
rc=0
# In a background subshell, so that `set -e` holds inside it.
if [ "${VERBOSE:-0}" != 0 ]; then
  log "installing ${#missing[@]} crate packages: ${missing[*]} (log: $LOG)"
  ( set -e; apt_install ) > >(tee -a "$LOG" >&2) 2>&1 &
else
  printf '[install-crates] installing %s crate packages (apt; log: %s) … ' "${#missing[@]}" "$LOG" >&2
  ( set -e; apt_install ) >>"$LOG" 2>&1 &
fi
wait $! || rc=$?
if [ "$rc" != 0 ]; then
  [ "${VERBOSE:-0}" != 0 ] || printf 'failed\n' >&2
  log "apt-get failed (exit $rc); its log: $LOG"
  tail -n 15 "$LOG" | sed 's/^/  | /' >&2
  exit "$rc"
fi
if [ "${VERBOSE:-0}" != 0 ]; then log "done ($(( $(date +%s) - t0 )) s)"; else printf 'done (%s s)\n' "$(( $(date +%s) - t0 ))" >&2; fi
