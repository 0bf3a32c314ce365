#!/usr/bin/env bash
# The programs the suite runs beside Node, from Debian's packages: Net::SMPP (Perl) and Kannel as
# independent SMPP peers, Redis for the multi-process pub/sub, Chromium for the browser tests.
# Kannel is also the peer `npm run bench` measures the gateway's MTs against.
# `npm test` and `npm run bench` call this first: whatever is missing is installed when we are root (or have sudo
# without a password); otherwise it stops at once, naming the packages and the one command that
# installs them, so that no test later fails with ENOENT. What is present costs nothing.
set -euo pipefail

# package | how to tell it is there (a program's path, or a shell check)
checks=(
  "libnet-smpp-perl|perl -MNet::SMPP -e 1"
  "kannel|test -x /usr/sbin/bearerbox -a -x /usr/sbin/smsbox"
  "redis-server|command -v redis-server"
  "chromium|test -x ${CHROMIUM_PATH:-/usr/bin/chromium}"
)

missing=()
for entry in "${checks[@]}"; do
  pkg=${entry%%|*}
  check=${entry#*|}
  bash -c "$check" >/dev/null 2>&1 || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "The test suite needs these Debian packages, which are not installed: ${missing[*]}" >&2
    echo "Install them (as root), then run npm test again:" >&2
    echo "  sudo sh -c '$command'" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The test suite needs these programs (Debian package names): ${missing[*]}; this machine has no apt-get to install them." >&2
  exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
