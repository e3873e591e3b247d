#!/usr/bin/env bash
# Installs what quiltup needs to build and test on Debian 12, and nothing that is already there.
# usage: tools/install_deps.sh [--bench] [--mcp]
#   (always) compilers, libraries, Catch2, Google Benchmark, Ceph RGW (the integration target);
#            checks that python3 can import moto and boto3 (the second target and its IAM setup)
#   --bench  nginx + Lua (the benchmark sink), gnuplot (no X), and the peer clients rclone, s3cmd, awscli,
#            and npm ci in bench/e2e/node (the Node @aws-sdk peer)
#   --mcp    npm ci in every tests/mcp/clients/* folder that has a package-lock.json
# Idempotent and non-interactive; runs apt-get update only when something is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

want_bench=0 want_mcp=0
for arg in "$@"; do
  case $arg in
    --bench) want_bench=1 ;;
    --mcp) want_mcp=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install_deps: unknown option '$arg' (known: --bench --mcp)" >&2; exit 2 ;;
  esac
done

packages=(
  cmake ninja-build g++ pkg-config
  libboost1.81-dev libboost-json1.81-dev libcurl4-openssl-dev libssl-dev libsimdjson-dev
  libpugixml-dev libisal-dev libcli11-dev catch2 libbenchmark-dev
  uuid-runtime bc curl
  ceph-mon ceph-osd radosgw ceph-common
)
[ $want_bench = 1 ] && packages+=(nginx libnginx-mod-http-lua gnuplot-nox rclone s3cmd awscli)

missing=()
for p in "${packages[@]}"; do
  # "install ok installed" only: a removed package leaves "deinstall ok config-files" behind
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install_deps: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install_deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # other apt users on the machine hold the lock for a while: wait instead of failing
  apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
  "${sudo[@]}" apt-get "${apt_opts[@]}" update -qq
  "${sudo[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install_deps: all ${#packages[@]} packages are installed"
fi

# find_spec, not import: importing moto takes seconds
if ! python3 -c "import importlib.util as u, sys; sys.exit(not (u.find_spec('moto') and u.find_spec('boto3')))" 2>/dev/null; then
  echo "install_deps: WARNING: python3 ($(command -v python3 || echo 'not found')) cannot import moto and boto3." >&2
  echo "  The moto test fixture (tests/fixtures/moto.sh) will fail until you run:" >&2
  echo "    python3 -m pip install 'moto[server]==5.2.1' boto3" >&2
fi

# the Node peer client of bench/e2e (@aws-sdk/client-s3 + lib-storage, pinned by its lock file)
if [ $want_bench = 1 ]; then
  node_peer=$root/bench/e2e/node
  if [ ! -d "$node_peer/node_modules/@aws-sdk/lib-storage" ]; then
    command -v npm >/dev/null || { echo "install_deps: npm is not installed (needed for $node_peer); install Node.js 20+" >&2; exit 1; }
    echo "install_deps: npm ci in ${node_peer#"$root"/}"
    (cd "$node_peer" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

if [ $want_mcp = 1 ]; then
  shopt -s nullglob
  for lock in "$root"/tests/mcp/clients/*/package-lock.json; do
    client=$(dirname "$lock")
    command -v npm >/dev/null || { echo "install_deps: npm is not installed (needed for $client); install Node.js 20+" >&2; exit 1; }
    echo "install_deps: npm ci in ${client#"$root"/}"
    (cd "$client" && npm ci --no-audit --no-fund --loglevel=error)
  done
fi
