#!/usr/bin/env bash
# Runs every test: installs what is missing, configures and builds build/, then runs ctest.
# ctest starts and stops the local S3 servers itself (fixtures 'rgw' and 'moto').
# usage: tools/test.sh [CTEST_ARGS...]       e.g. tools/test.sh -L unit
# Env: QUILTUP_BUILD_DIR (default build/), QUILTUP_TEST_PORT_BASE (default 17480: rgw, mon
#      +1/+2, moto +3) for running beside another build tree.
# The exit code is ctest's, and its summary is the last thing printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QUILTUP_BUILD_DIR:-$root/build}

"$root/tools/install_deps.sh"

configure=(-S "$root" -B "$build" -G Ninja)
[ -n "${QUILTUP_TEST_PORT_BASE:-}" ] && configure+=("-DQUILTUP_TEST_PORT_BASE=$QUILTUP_TEST_PORT_BASE")
cmake "${configure[@]}"
cmake --build "$build" -j"$(nproc)"

exec ctest --test-dir "$build" --output-on-failure "$@"
