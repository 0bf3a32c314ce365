#!/usr/bin/env bash
# System packages the integration and end-to-end tests use: Net::SMPP (Perl) and Kannel as
# independent SMPP peers, Redis for the multi-process pub/sub, Chromium for browser tests.
# Installs only what is missing, so CI machines that already have them pay nothing.
set -euo pipefail

packages=(libnet-smpp-perl kannel redis-server chromium)
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all present (${packages[*]})"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-system-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

echo "install-system-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
