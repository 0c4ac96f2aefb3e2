#!/usr/bin/env bash
# Turns the CaTrace jar into an ImageJ update-site folder ready to upload:
#   <out>/db.xml.gz                                   the site's index (<pluginRecords>, updater format)
#   <out>/jars/CaTrace-<version>.jar-<yyyyMMddHHmmss>  the jar under the name the updater stores it
#
# usage: update-site/build.sh [--jar FILE] [--timestamp yyyyMMddHHmmss] [OUT_DIR]
#   --jar FILE   publish this jar (default: target/CaTrace-<version>.jar, built with Maven if missing)
#   OUT_DIR      default: target/update-site (relative paths are taken from the current directory)
#
# No "now" anywhere, so a rerun on the same jar and commit gives byte-identical files. The timestamp is, first
# match wins:
#   1. --timestamp, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), as UTC;
#   2. otherwise the later of the jar's newest entry time (Maven's reproducible project.build.outputTimestamp,
#      written into every entry) and the commit time of the project's git HEAD in UTC (when this is a git checkout),
#      so that a new commit gets a new timestamp even when outputTimestamp was not bumped.
# Runtime dependencies and their versions come from the jar Maven built: the pom's direct (non-test) dependencies,
# resolved through the manifest's Class-Path. CATRACE_MAVEN_FLAGS adds flags to the mvn call (e.g. -o).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
die() { echo "update-site: $*" >&2; exit 1; }

jar="" ; out="" ; timestamp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) [ $# -ge 2 ] || die "--jar needs a file"; jar="$2"; shift 2 ;;
    --timestamp) [ $# -ge 2 ] || die "--timestamp needs yyyyMMddHHmmss"; timestamp="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$out" ] || die "only one output folder, got '$out' and '$1'"; out="$1"; shift ;;
  esac
done
[ -n "$out" ] || out="$project/target/update-site"

main_jars() {  # the project's main jar(s), not -sources/-tests/-javadoc
  local f
  for f in "$project"/target/CaTrace-*.jar; do
    [ -f "$f" ] || continue
    case "$f" in *-sources.jar|*-tests.jar|*-test-sources.jar|*-javadoc.jar) continue ;; esac
    echo "$f"
  done
}

mvn_package() {
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build the jar; or pass --jar FILE"
  echo "update-site: building the jar: mvn -B -q -DskipTests package" >&2
  (cd "$project" && mvn -B -q ${CATRACE_MAVEN_FLAGS:-} -DskipTests package >&2) || die "the Maven build failed"
}

if [ -z "$jar" ]; then
  [ -n "$(main_jars)" ] || mvn_package
  count="$(main_jars | wc -l)"
  [ "$count" -eq 1 ] || die "expected one target/CaTrace-<version>.jar, found $count: $(main_jars | tr '\n' ' ')- pass --jar FILE"
  jar="$(main_jars)"
fi
[ -f "$jar" ] || die "jar not found: $jar"

# The builder (catrace.updatesite.UpdateSiteBuilder) is a developer tool, not part of the jar: it needs only the
# JDK and is compiled with the tests (target/test-classes).
classes="$project/target/test-classes"
if [ ! -f "$classes/catrace/updatesite/UpdateSiteBuilder.class" ]; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build the update-site builder"
  (cd "$project" && mvn -B -q ${CATRACE_MAVEN_FLAGS:-} -DskipTests test-compile >&2) || die "the Maven build failed"
fi

java="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"

args=(--jar "$jar" --out "$out")
if [ -n "$timestamp" ]; then
  args+=(--timestamp "$timestamp")
elif [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  ts="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M%S 2>/dev/null || date -u -r "$SOURCE_DATE_EPOCH" +%Y%m%d%H%M%S)" \
    || die "SOURCE_DATE_EPOCH is not a number of seconds: $SOURCE_DATE_EPOCH"
  args+=(--timestamp "$ts")
elif git -C "$project" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  commit_time="$(TZ=UTC0 git -C "$project" log -1 --format=%cd --date=format-local:%Y%m%d%H%M%S HEAD)"
  args+=(--not-before "$commit_time")
fi

exec "$java" -Djava.awt.headless=true -cp "$classes" catrace.updatesite.UpdateSiteBuilder "${args[@]}"
