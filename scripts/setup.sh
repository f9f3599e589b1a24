#!/usr/bin/env bash
# Once on a fresh machine: Chromium from the OS packages when missing, then npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BAKEN_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Chromium from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

npm ci --no-fund --no-audit

# The dashboard is built once here; `baken serve` serves the build.
npm run build:dashboard
