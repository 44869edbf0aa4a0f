#!/usr/bin/env bash
# Builds the published modules twice, each time from a clean copy of the working tree in its own directory, and
# compares every jar they produce (main, sources, javadoc) byte for byte. Exits 1 if any jar differs or is missing.
#
#   scripts/check-reproducible.sh [extra Maven arguments]
#
# Environment:
#   REPRO_REPO   local Maven repository to use (default: a fresh one under /tmp, filled from Maven Central on the
#                first build; point it at a filled one, e.g. ~/.m2/repository with REPRO_OFFLINE=1, to go faster)
#   REPRO_OFFLINE=1  build offline (-o): nothing is downloaded, and a shared repository is only read
#   REPRO_KEEP=1     keep the two build directories (printed at the end) for a closer look
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/salesflow-repro.XXXXXX)"
repo="${REPRO_REPO:-$work/m2}"
modules="bom,core,testkit,store-jdbc,stages-catalog,spring-statemachine,jackson,jackson2,spring-boot/autoconfigure,spring-boot/starter"
published=(core testkit store-jdbc stages-catalog spring-statemachine jackson jackson2 spring-boot/autoconfigure spring-boot/starter)

cleanup() { if [[ "${REPRO_KEEP:-0}" != 1 ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT

mvn_cmd=(mvn)
if [[ -x "$root/mvnw" ]]; then mvn_cmd=("./mvnw"); fi
offline=()
if [[ "${REPRO_OFFLINE:-0}" == 1 ]]; then offline=(-o); fi

build() {
  local dir="$1"
  shift
  mkdir -p "$dir"
  # The working tree as it is (committed or not), without build output or git metadata.
  tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$dir" -xf -
  echo "== building in $dir"
  (cd "$dir" && "${mvn_cmd[@]}" -B -q -ntp "${offline[@]}" -Dmaven.repo.local="$repo" \
      clean package -Prelease -Dgpg.skip -DskipTests -pl "$modules" -am "$@")
}

build "$work/a" "$@"
build "$work/b" "$@"

status=0
count=0
for m in "${published[@]}"; do
  shopt -s nullglob
  jars=("$work/a/$m/target/"*.jar)
  shopt -u nullglob
  if [[ ${#jars[@]} -eq 0 ]]; then
    echo "MISSING  $m: no jar built"; status=1; continue
  fi
  for ja in "${jars[@]}"; do
    name="$(basename "$ja")"
    jb="$work/b/$m/target/$name"
    count=$((count + 1))
    if [[ ! -f "$jb" ]]; then
      echo "MISSING  $m/$name in the second build"; status=1; continue
    fi
    sa="$(sha256sum "$ja" | cut -d' ' -f1)"
    sb="$(sha256sum "$jb" | cut -d' ' -f1)"
    if [[ "$sa" == "$sb" ]]; then
      echo "SAME     $sa  $m/$name"
    else
      echo "DIFFERS  $m/$name"; status=1
      # Which entries differ (name, size, date, time, CRC-32), to start the hunt.
      diff <(unzip -lv "$ja" | awk 'NR>3 {print $8, $1, $5, $6, $7}' | sort) \
           <(unzip -lv "$jb" | awk 'NR>3 {print $8, $1, $5, $6, $7}' | sort) | head -10 || true
    fi
  done
done

if [[ "${REPRO_KEEP:-0}" == 1 ]]; then echo "builds kept in $work"; fi
if [[ $status -eq 0 ]]; then
  echo "reproducible: $count jars identical in both builds"
else
  echo "NOT reproducible (see above)"
fi
exit $status
