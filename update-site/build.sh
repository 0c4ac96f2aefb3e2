#!/usr/bin/env bash
# Turns the CaTrace jar into an ImageJ update-site folder ready to upload:
#   <out>/db.xml.gz                                   the site's index (<pluginRecords>, updater format)
#   <out>/jars/CaTrace-<version>.jar-<yyyyMMddHHmmss>  the jar under the name the updater stores it
#   <out>/jars/[PLATFORM/]LIBRARY.jar-<yyyyMMddHHmmss> the libraries of the NWB export (HDF5 and JavaCPP, and their
#                                                     native code per platform: linux64, win64, macos64)
#
# usage: update-site/build.sh [--jar FILE] [--timestamp yyyyMMddHHmmss] [--libraries DIR | --no-libraries] [OUT_DIR]
#   --jar FILE        publish this jar (default: target/CaTrace-<version>.jar, built with Maven if missing)
#   --libraries DIR   publish the jars in DIR as the NWB export's libraries (default: Maven copies them, with the
#                     profile nwb-all-platforms, into target/update-site-libraries)
#   --no-libraries    publish CaTrace alone (its NWB export then works only where the libraries are installed)
#   OUT_DIR           default: target/update-site (relative paths are taken from the current directory)
#
# No "now" anywhere, so a rerun on the same jar and commit gives byte-identical files. The timestamp is, first
# match wins:
#   1. --timestamp, or SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), as UTC;
#   2. otherwise the later of the jar's newest entry time (Maven's reproducible project.build.outputTimestamp,
#      written into every entry) and the commit time of the project's git HEAD in UTC (when this is a git checkout),
#      so that a new commit gets a new timestamp even when outputTimestamp was not bumped.
#   A library's timestamp is --timestamp/SOURCE_DATE_EPOCH when given, else its own newest entry time.
# Runtime dependencies and their versions come from the jar Maven built: the pom's direct (non-test) dependencies,
# resolved through the manifest's Class-Path. CATRACE_MAVEN_FLAGS adds flags to the mvn call (e.g. -o).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
die() { echo "update-site: $*" >&2; exit 1; }

jar="" ; out="" ; timestamp="" ; libraries="" ; no_libraries=0
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) [ $# -ge 2 ] || die "--jar needs a file"; jar="$2"; shift 2 ;;
    --timestamp) [ $# -ge 2 ] || die "--timestamp needs yyyyMMddHHmmss"; timestamp="$2"; shift 2 ;;
    --libraries) [ $# -ge 2 ] || die "--libraries needs a folder"; libraries="$2"; shift 2 ;;
    --no-libraries) no_libraries=1; shift ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# The NWB export's libraries: org.bytedeco hdf5 + javacpp and their platform jars (pom profile nwb-all-platforms)
if [ "$no_libraries" = 1 ]; then
  [ -z "$libraries" ] || die "--libraries and --no-libraries exclude each other"
elif [ -z "$libraries" ]; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to collect the NWB libraries; or pass --libraries DIR or --no-libraries"
  libraries="$project/target/update-site-libraries"
  rm -rf "$libraries"
  echo "update-site: collecting the NWB export's libraries: mvn dependency:copy-dependencies -Pnwb-all-platforms" >&2
  (cd "$project" && mvn -B -q ${CATRACE_MAVEN_FLAGS:-} -Pnwb-all-platforms dependency:copy-dependencies \
      -DincludeGroupIds=org.bytedeco -DincludeScope=runtime -DoutputDirectory="$libraries" >&2) \
    || die "Maven could not collect the NWB libraries (offline without them in ~/.m2?); or pass --no-libraries"
fi
[ "$no_libraries" = 1 ] || [ -d "$libraries" ] || die "libraries folder not found: $libraries"

java="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"

args=(--jar "$jar" --out "$out")
if [ "$no_libraries" = 0 ]; then
  found=0
  for lib in "$libraries"/*.jar; do
    [ -f "$lib" ] || continue
    args+=(--library "$lib"); found=1
  done
  [ "$found" = 1 ] || die "no library jars in $libraries"
fi
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
