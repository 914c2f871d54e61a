#!/usr/bin/env bash
# The GitHub Action's steps (action.yml), runnable anywhere:
#   scripts/action.sh build   install and build the `om` CLI from this checkout (the action's own copy)
#   scripts/action.sh lint    run `om lint --format github` on the inputs; with OM_SARIF, also write SARIF
# Inputs come from the environment, as action.yml passes them:
#   OM_FILES        files, directories, globs or http(s) URLs, separated by whitespace (required)
#   OM_CONFIG       config file                       OM_FORMAT_IN  auto | openmetrics | prometheus
#   OM_PRESET       presets, separated by whitespace  OM_FAIL_ON    error | warning | info
#   OM_SARIF        path of a SARIF file to write     OM_ARGS       more `om lint` arguments, split on whitespace
#   OM_BIN          the CLI to run (default: apps/om/dist/bin.js of this checkout)
# Outputs (when GITHUB_OUTPUT is set): exit-code, and sarif (the path) when a SARIF file was written.
# Exit code: om lint's (0 clean, 1 findings, 2 usage, config, read or fetch error).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "om-action: $*" >&2; exit 2; }

build() {
  command -v node >/dev/null || fail "node is not on PATH (use actions/setup-node with Node 20.19 or newer)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || fail "Node $(node --version) is too old: om needs Node 20.19 or newer"
  local -a pnpm=(pnpm)
  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "10.34.9" ]; then
    pnpm=(npx --yes pnpm@10.34.9)
  fi
  cd "$root" || exit 2
  export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
  "${pnpm[@]}" install --frozen-lockfile --filter '@omkit/cli...' || fail "pnpm install failed"
  "${pnpm[@]}" exec turbo run build --filter '@omkit/cli...' --output-logs=errors-only || fail "build failed"
}

lint() {
  local bin="${OM_BIN:-$root/apps/om/dist/bin.js}"
  [ -f "$bin" ] || fail "no CLI at $bin (run \`scripts/action.sh build\` first)"
  [ -n "${OM_FILES//[[:space:]]/}" ] || fail "the \`files\` input is empty"

  # Split on whitespace without globbing: `om lint` expands directories and globs itself (one rule for
  # which files are expositions) and reports a glob that matches nothing.
  local -a inputs=() args=()
  local preset
  set -f
  read -r -d '' -a inputs <<<"$OM_FILES"
  set +f

  [ -n "${OM_CONFIG:-}" ] && args+=(--config "$OM_CONFIG")
  [ -n "${OM_FORMAT_IN:-}" ] && args+=(--format-in "$OM_FORMAT_IN")
  [ -n "${OM_FAIL_ON:-}" ] && args+=(--fail-on "$OM_FAIL_ON")
  set -f
  for preset in ${OM_PRESET:-}; do args+=(--preset "$preset"); done
  # shellcheck disable=SC2206 # split on whitespace, no globbing
  [ -n "${OM_ARGS:-}" ] && args+=(${OM_ARGS})
  set +f

  local status errors
  errors="$(mktemp)"
  node "$bin" lint --format github "${args[@]}" -- "${inputs[@]}" 2>"$errors"
  status=$?
  cat "$errors" >&2

  if [ -n "${OM_SARIF:-}" ]; then
    mkdir -p "$(dirname "$OM_SARIF")"
    # The same inputs again (URLs are fetched again); findings do not fail this run, trouble does.
    # Its summary line repeats the first run's, so its stderr is shown only when it fails.
    if node "$bin" lint --format sarif --output-file "$OM_SARIF" --exit-zero "${args[@]}" -- "${inputs[@]}" 2>"$errors.sarif"; then
      [ -n "${GITHUB_OUTPUT:-}" ] && echo "sarif=$OM_SARIF" >>"$GITHUB_OUTPUT"
    else
      cat "$errors.sarif" >&2
      status=2
    fi
    rm -f "$errors.sarif"
  fi

  [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$status" >>"$GITHUB_OUTPUT"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
      echo "### om lint"
      echo
      echo "\`om lint ${inputs[*]}\`: exit code $status"
      [ -s "$errors" ] && { echo; echo '```'; cat "$errors"; echo '```'; }
    } >>"$GITHUB_STEP_SUMMARY"
  fi
  rm -f "$errors"
  return "$status"
}

case "${1:-lint}" in
  build) build ;;
  lint) lint ;;
  *) fail "unknown step \`$1\` (build or lint)" ;;
esac
