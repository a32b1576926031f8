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

# Persistence goes through common's two mechanisms (docs/architecture.md): every transaction starts with
# Transactions.run (a client's disconnect must not cancel it inside Hibernate Reactive), and native SQL that reads
# rows runs through NativeSql (Hibernate Reactive's own native selects fill the query plan cache). Hibernate's
# createNativeQuery stays for statements that only count rows (executeUpdate).
persistence=0
if hits=$(grep -rn "Panache\.withTransaction(" ./*/src/main/java --include='*.java' \
    | grep -v "/common/src/main/java/org/openevent/common/persistence/Transactions.java"); then
  while IFS= read -r hit; do echo "  a transaction outside Transactions.run: $hit" >&2; done <<< "$hits"
  persistence=1
fi
# A createNativeQuery chain that ends in getResultList/getSingleResult before any executeUpdate reads rows.
if hits=$(find ./*/src/main/java -name '*.java' -exec awk 'FNR == 1 { open = 0 }
    /createNativeQuery\(/ { open = FNR; where = FILENAME ":" FNR }
    open && /executeUpdate\(/ { open = 0 }
    open && /getResultList\(|getSingleResult/ { print where; open = 0 }
    open && FNR - open > 15 { open = 0 }' {} +); [ -n "$hits" ]; then
  while IFS= read -r hit; do echo "  a native select outside NativeSql: $hit" >&2; done <<< "$hits"
  persistence=1
fi
if [ "$persistence" -gt 0 ]; then
  echo "Persistence rule violations found (see above)." >&2
  exit 1
fi
echo "Persistence: transactions through Transactions.run, native selects through NativeSql"
