#!/usr/bin/env bash
# Installs what orgnet needs to build and run on Debian/Ubuntu, only when it is missing:
#   libgraphviz-dev (Graphviz's C library, rendered in-process) and pkg-config.
# With --browser, also Chromium (the report's browser check). Says what it installs.
set -euo pipefail

want=()
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc 2>/dev/null; }; then
  want+=(libgraphviz-dev pkg-config)
fi
if [[ "${1:-}" == "--browser" ]] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  want+=(chromium)
fi
[[ ${#want[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "orgnet: please install ${want[*]} (Graphviz development files) with your package manager" >&2
  exit 69
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "orgnet: need root or sudo to install ${want[*]}" >&2; exit 77; }
  sudo=(sudo)
fi
echo "orgnet: installing ${want[*]} (missing on this machine) ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >&2
echo "orgnet: installed ${want[*]}" >&2
