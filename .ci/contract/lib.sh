# Shared by lint.sh and ts-client.sh: where the toolkit is, and its npm packages installed when needed.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null || { echo "contract: $tool is needed (Node.js 20 with npm; coreutils)" >&2; exit 2; }
done

# npm ci when node_modules is missing or was installed from another package.json, lock file or Node.js.
install_tools() {
  local stamp="$HERE/node_modules/.contract-stamp" want
  want="$(cat "$HERE/package.json" "$HERE/package-lock.json" | sha256sum | cut -d' ' -f1) node $(node --version)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return
  fi
  echo "contract: npm ci in ${HERE#"$ROOT"/}" >&2
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
}
