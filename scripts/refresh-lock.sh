#!/usr/bin/env bash
# Regenerates package-lock.json from scratch in a scratch copy (no node_modules), so that optional
# platform packages of every OS are recorded and `npm ci` works on a fresh machine (npm/cli#4828:
# a lock rewritten next to an existing node_modules keeps only this machine's platform binaries).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$root" && tar --exclude=node_modules --exclude=dist --exclude=.data -cf - package.json packages/*/package.json backend/package.json frontend/package.json ) | tar -xf - -C "$tmp"
( cd "$tmp" && npm install --package-lock-only --no-fund --no-audit >/dev/null )
cp "$tmp/package-lock.json" "$root/package-lock.json"
echo "package-lock.json regenerated ($(grep -c '"node_modules/' "$root/package-lock.json") entries)"
