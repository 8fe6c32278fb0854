#!/usr/bin/env bash
# Installs the Debian-packaged Rust crates (librust-*-dev, with their dependencies, into
# /usr/share/cargo/registry) that the differential tests build with cargo, offline, against
# the engine (test/unit/depCrates.test.ts, test/unit/cargo.graph.test.ts). Idempotent.
#
#   bash scripts/install-crates.sh
set -euo pipefail

PACKAGES=(
  librust-regex-dev librust-ignore-dev librust-globset-dev librust-h2-dev librust-rustls-dev
  librust-clap-dev librust-serde-json-dev librust-toml-edit-dev librust-url-dev librust-env-logger-dev
  librust-object-dev librust-gimli-dev librust-getrandom-dev
  librust-hyper-dev librust-tracing-subscriber-dev librust-rayon-core-dev librust-crossbeam-channel-dev
  librust-walkdir-dev librust-tokio-util-dev librust-chrono-dev librust-http-dev librust-csv-dev
  librust-flate2-dev
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
log "installing ${#missing[@]} crate packages: ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
