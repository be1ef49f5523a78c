#!/usr/bin/env bash
# The phone app's view of patient-service: a typescript-fetch client generated from its OpenAPI document, and
# checkin.ts, which submits one check-in through it.
#
#   bash .ci/contract/ts-client.sh generate   generate the client into build/ts-client and compile it with
#                                              checkin.ts (tsc --strict) into build/js
#   bash .ci/contract/ts-client.sh run        run build/js/checkin.js; needs BASE_URL, TOKEN, PATIENT_ID
#                                              (IDEMPOTENCY_KEY optional), see checkin.ts
#
# openapi-generator is the Java CLI from Maven Central (version in package.json, config.openapiGeneratorVersion),
# fetched once through the project's Maven wrapper, so it comes through the same repository settings as the build.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUILD="$HERE/build"
DOCUMENT="$ROOT/patient-service/target/openapi/openapi.yaml"

# Prints the path of the openapi-generator CLI jar, copying it out of Maven (downloading it if needed) the first time.
generator_jar() {
  local version jar
  version="$(node -p "require('$HERE/package.json').config.openapiGeneratorVersion")"
  jar="$BUILD/tools/openapi-generator-cli-$version.jar"
  if [[ ! -s "$jar" ]]; then
    echo "contract: fetching org.openapitools:openapi-generator-cli:$version with the Maven wrapper" >&2
    # -N: only the root pom is read, no module is built; dependency:copy writes nowhere but build/tools.
    (cd "$ROOT" && ./mvnw -q -N --batch-mode dependency:copy \
      -Dartifact="org.openapitools:openapi-generator-cli:$version:jar" \
      -DoutputDirectory="$BUILD/tools" >&2)
    [[ -s "$jar" ]] || { echo "contract: $jar was not fetched" >&2; exit 1; }
  fi
  echo "$jar"
}

generate() {
  if [[ ! -s "$DOCUMENT" ]]; then
    echo "contract: ${DOCUMENT#"$ROOT"/} is missing: build first (./mvnw package -DskipTests)" >&2
    exit 2
  fi
  command -v java >/dev/null || { echo "contract: java is needed to run openapi-generator" >&2; exit 2; }
  install_tools
  local jar
  jar="$(generator_jar)"

  # The generator reads a copy, so nothing can be written next to the build's document.
  rm -rf "$BUILD/ts-client" "$BUILD/js" "$BUILD/spec"
  mkdir -p "$BUILD/spec"
  cp "$DOCUMENT" "$BUILD/spec/patient-service.yaml"

  java -jar "$jar" generate --generator-name typescript-fetch \
    --input-spec "$BUILD/spec/patient-service.yaml" \
    --output "$BUILD/ts-client" \
    --additional-properties=supportsES6=true \
    --global-property=apiDocs=false,modelDocs=false,apiTests=false,modelTests=false \
    >"$BUILD/generate.log" 2>&1 ||
    { cat "$BUILD/generate.log" >&2; echo "contract: openapi-generator failed" >&2; exit 1; }
  grep -E '^\[main\] (WARN|ERROR)' "$BUILD/generate.log" | sed 's/^/  /' >&2 || true

  # CommonJS output (package.json has no "type": "module"), so the generated extensionless imports resolve;
  # DOM for the fetch types the generated runtime uses, node for process and node:crypto.
  (cd "$HERE" && ./node_modules/.bin/tsc --strict --target ES2022 --module node16 --moduleResolution node16 \
    --lib ES2022,DOM --types node --rootDir . --outDir build/js checkin.ts)
  echo "contract: client generated in ${BUILD#"$ROOT"/}/ts-client, compiled to ${BUILD#"$ROOT"/}/js/checkin.js" >&2
}

run() {
  if [[ ! -f "$BUILD/js/checkin.js" ]]; then
    echo "contract: ${BUILD#"$ROOT"/}/js/checkin.js is missing: run '$0 generate' first" >&2
    exit 2
  fi
  exec node "$BUILD/js/checkin.js"
}

case "${1:-}" in
  generate) generate ;;
  run) run ;;
  *)
    echo "usage: $0 generate|run" >&2
    exit 2
    ;;
esac
