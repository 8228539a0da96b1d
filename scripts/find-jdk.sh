# Sourced by ./impress and ./run-tests: sets IMPRESS_JAVA_HOME to a JDK 25 or newer.
# Order: JAVA_HOME if it is 25+, then the `java` on PATH, then the system JVM folder
# (the newest 25+ found there). The machine's default java may be 17, so we must look.

impress_java_major() {
  # Prints the feature version of the java binary given as $1 (e.g. 17, 25), or nothing.
  local out
  out=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$out" in
    1.*) echo "${out#1.}" ;;
    *) echo "$out" ;;
  esac
}

impress_find_jdk() {
  local need=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(impress_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then IMPRESS_JAVA_HOME="$JAVA_HOME"; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v java)")
    candidate=${candidate%/bin/java}
    if [ -x "$candidate/bin/javac" ]; then
      major=$(impress_java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge "$need" ]; then IMPRESS_JAVA_HOME="$candidate"; return 0; fi
    fi
  fi
  # IMPRESS_JVM_DIRS (space-separated) overrides where JDKs are looked for; tests use it.
  local dir
  for dir in ${IMPRESS_JVM_DIRS:-/usr/lib/jvm /usr/local/lib/jvm /opt/java}; do
  for candidate in "$dir"/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(impress_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  done
  if [ -n "$best" ]; then IMPRESS_JAVA_HOME="$best"; return 0; fi
  echo "impress: no JDK $need or newer found." >&2
  echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH, and ${IMPRESS_JVM_DIRS:-/usr/lib/jvm /usr/local/lib/jvm /opt/java}." >&2
  echo "  Install one (for example: apt-get install temurin-25-jdk, or openjdk-25-jdk) or set JAVA_HOME to it." >&2
  return 1
}
