#!/usr/bin/env bash
# Fails when an import runs from a lower layer back up: rest > service > repository > domain, with messaging,
# client and config beside service (they may use services and repositories, never rest).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# layer folder and the layers it must not import, as "<folder>:<forbidden...>"
rules=(
  "service:rest"
  "messaging:rest"
  "client:rest service"
  "config:rest service repository messaging client"
  "repository:rest service messaging client"
  "domain:rest service repository messaging client config"
)
violations=0
for module in */src/main/java/org/openevent/*; do
  [ -d "$module" ] || continue
  base="org.openevent.$(basename "$module")"
  for rule in "${rules[@]}"; do
    layer="${rule%%:*}"
    [ -d "$module/$layer" ] || continue
    for forbidden in ${rule#*:}; do
      if hits=$(grep -rn "^import ${base//./\\.}\.$forbidden\." "$module/$layer" --include='*.java'); then
        while IFS= read -r hit; do echo "  $layer must not import $forbidden: $hit" >&2; done <<< "$hits"
        violations=$((violations + 1))
      fi
    done
  done
done
if [ "$violations" -gt 0 ]; then
  echo "Layering violations found (see above)." >&2
  exit 1
fi
echo "Layering: no import runs from a lower layer back up"
